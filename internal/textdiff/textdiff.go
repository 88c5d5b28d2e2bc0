// Package textdiff writes the unified diff of two small texts, the form
// `git diff` and `patch` read, so a dry run shows exactly what a write would
// change.
package textdiff

import (
	"fmt"
	"strings"
)

// Context is how many unchanged lines surround each change.
const Context = 3

// maxCells bounds the comparison table. Data files are a few hundred lines;
// beyond this the diff simply replaces the whole text.
const maxCells = 4_000_000

type op struct {
	kind byte // ' ', '-', '+'
	line string
	a, b int // 0-based index of the line in a (for ' ', '-') and b (for ' ', '+')
}

// Unified returns the unified diff from a to b, labelled with the two names,
// or "" when the texts are equal.
func Unified(aName, bName string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	al, bl := split(string(a)), split(string(b))
	ops := script(al, bl)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", aName, bName)
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk runs from Context lines before this change to Context
		// lines after the last change that is no further than 2*Context away.
		start := max(0, i-Context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*Context {
				break
			}
		}
		stop := min(len(ops), end+Context+1)
		writeHunk(&out, ops[start:stop])
		i = stop
	}
	return out.String()
}

func writeHunk(out *strings.Builder, ops []op) {
	aStart, bStart, aN, bN := -1, -1, 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			if aStart < 0 {
				aStart = o.a
			}
			aN++
		}
		if o.kind != '-' {
			if bStart < 0 {
				bStart = o.b
			}
			bN++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", rng(aStart, aN, ops[0].a), rng(bStart, bN, ops[0].b))
	for _, o := range ops {
		line := o.line
		noEOL := false
		if strings.HasSuffix(line, "\n") {
			line = line[:len(line)-1]
		} else {
			noEOL = true
		}
		out.WriteString(string(o.kind) + line + "\n")
		if noEOL {
			out.WriteString("\\ No newline at end of file\n")
		}
	}
}

// rng formats a hunk range as diff does. An empty range names the line
// before it, which is the 0-based position the first op would have.
func rng(start, n, emptyAt int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", emptyAt)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// split cuts s into lines, each keeping its newline.
func split(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// script returns the edit script from a to b by longest common subsequence,
// after trimming the common head and tail.
func script(a, b []string) []op {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var ops []op
	for i := range head {
		ops = append(ops, op{' ', a[i], i, i})
	}
	ma, mb := a[head:len(a)-tail], b[head:len(b)-tail]
	ops = append(ops, middle(ma, mb, head, head)...)
	for k := tail; k > 0; k-- {
		i, j := len(a)-k, len(b)-k
		ops = append(ops, op{' ', a[i], i, j})
	}
	// Every op needs both positions for hunk headers: fill the side a line
	// does not belong to with the position it would have there.
	ai, bi := 0, 0
	for k := range ops {
		switch ops[k].kind {
		case ' ':
			ai, bi = ops[k].a+1, ops[k].b+1
		case '-':
			ops[k].b = bi
			ai = ops[k].a + 1
		case '+':
			ops[k].a = ai
			bi = ops[k].b + 1
		}
	}
	return ops
}

func middle(a, b []string, ao, bo int) []op {
	n, m := len(a), len(b)
	var ops []op
	if n*m > maxCells || n == 0 || m == 0 {
		for i := range a {
			ops = append(ops, op{'-', a[i], ao + i, 0})
		}
		for j := range b {
			ops = append(ops, op{'+', b[j], 0, bo + j})
		}
		return ops
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i], ao + i, bo + j})
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, op{'-', a[i], ao + i, 0})
			i++
		default:
			ops = append(ops, op{'+', b[j], 0, bo + j})
			j++
		}
	}
	return ops
}

// Package gitrepo reads the dataset as it stood at a git revision. It runs
// the git command itself, so it works wherever git does (worktrees, shallow
// CI clones, sparse checkouts), reads a revision's files through one
// `git cat-file --batch` process, and never lets a revision argument be read
// as a git option.
package gitrepo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/open-workforce/strategy/internal/memfs"
	"github.com/open-workforce/strategy/internal/suggest"
)

// ErrNoGit means the git program cannot be found.
var ErrNoGit = errors.New("git is not installed or not on PATH")

// ErrNotRepo means the folder is not inside a git work tree.
var ErrNotRepo = errors.New("not inside a git repository")

// MaxBlobSize bounds what is read of one file; the dataset loader refuses
// anything over 1 MiB, so reading one byte more is enough to say so.
const MaxBlobSize = 1<<20 + 1

// Repo is a git work tree.
type Repo struct {
	Top string // absolute path of the work tree's top folder
	git string
}

// RevError is a revision that does not name a commit here.
type RevError struct {
	Rev     string
	Shallow bool   // the clone is shallow, so the commit may simply be missing
	Nearest string // the branch or tag most like Rev ("main" for "mian"), if any
}

func (e *RevError) Error() string {
	if e.Shallow {
		return fmt.Sprintf("unknown revision %q: this is a shallow clone and may not hold it; fetch the history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)", e.Rev)
	}
	return fmt.Sprintf("unknown revision %q", e.Rev) + suggest.Hint(e.Nearest)
}

// Open finds the work tree holding dir.
func Open(dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoGit
	}
	r := &Repo{git: git}
	out, err := r.runIn(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if strings.Contains(err.Error(), "not a git repository") {
			return nil, fmt.Errorf("%s: %w", dir, ErrNotRepo)
		}
		return nil, err
	}
	r.Top = strings.TrimSpace(string(out))
	if r.Top == "" {
		// A bare repository or the inside of .git has no work tree.
		return nil, fmt.Errorf("%s: %w", dir, ErrNotRepo)
	}
	return r, nil
}

func (r *Repo) run(args ...string) ([]byte, error) { return r.runIn(r.Top, args...) }

func (r *Repo) runIn(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command(r.git, args...)
	cmd.Dir = dir
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return out, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// gitEnv keeps git's messages in English, which Open matches on, and stops
// git from prompting for credentials.
func gitEnv() []string {
	// Literal pathspecs: a dataset folder named "data*" or ":(top)" is a
	// name, not a pattern.
	return append(os.Environ(), "LC_ALL=C", "GIT_TERMINAL_PROMPT=0", "GIT_LITERAL_PATHSPECS=1")
}

// CheckRev rejects text that git could read as anything but a revision: an
// option (leading '-'), a range, a path inside a tree, or control characters.
func CheckRev(rev string) error {
	switch {
	case rev == "":
		return errors.New("empty revision")
	case strings.HasPrefix(rev, "-"):
		return fmt.Errorf("revision %q may not start with '-'", rev)
	case strings.Contains(rev, ":"):
		return fmt.Errorf("revision %q names a path inside a commit (REV:PATH); give a revision only", rev)
	case strings.Contains(rev, ".."):
		return fmt.Errorf("revision %q is a range; give one revision", rev)
	case strings.ContainsAny(rev, ":\\ \t\r\n*?["):
		return fmt.Errorf("revision %q holds characters a revision cannot", rev)
	}
	for _, c := range rev {
		if c < 0x20 || c == 0x7f {
			return fmt.Errorf("revision %q holds control characters", rev)
		}
	}
	return nil
}

// Resolve returns the commit id rev names.
func (r *Repo) Resolve(rev string) (string, error) {
	if err := CheckRev(rev); err != nil {
		return "", err
	}
	out, err := r.run("rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	id := strings.TrimSpace(string(out))
	if err != nil || id == "" {
		return "", &RevError{Rev: rev, Shallow: r.shallow(), Nearest: suggest.Nearest(rev, r.refs(), 2)}
	}
	return id, nil
}

// refs lists the short names of the branches, remote branches and tags.
func (r *Repo) refs() []string {
	out, err := r.run("for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes", "refs/tags")
	if err != nil {
		return nil
	}
	return strings.Fields(string(out))
}

// Shallow reports whether the clone is shallow, so that history stops at the
// graft and older commits are missing.
func (r *Repo) Shallow() bool { return r.shallow() }

func (r *Repo) shallow() bool {
	out, err := r.run("rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(string(out)) == "true"
}

// DefaultBranch returns the branch pull requests merge into: origin's HEAD,
// else origin/main, origin/master, main or master, whichever exists first.
func (r *Repo) DefaultBranch() (string, error) {
	if out, err := r.run("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"); err == nil {
		if b := strings.TrimSpace(string(out)); b != "" {
			return b, nil
		}
	}
	for _, ref := range []string{"refs/remotes/origin/main", "refs/remotes/origin/master", "refs/heads/main", "refs/heads/master"} {
		if _, err := r.run("rev-parse", "--verify", "--quiet", ref); err == nil {
			return strings.TrimPrefix(strings.TrimPrefix(ref, "refs/remotes/"), "refs/heads/"), nil
		}
	}
	return "", errors.New("cannot tell the default branch (no origin/HEAD, main or master): name the base revision")
}

// MergeBase returns the best common ancestor of two commit ids.
func (r *Repo) MergeBase(a, b string) (string, error) {
	out, err := r.run("merge-base", a, b)
	if err != nil {
		return "", fmt.Errorf("no common ancestor of %.12s and %.12s (in a shallow clone, fetch more history): %w", a, b, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Rel returns the slash-separated path of p relative to the work tree's top.
func (r *Repo) Rel(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	// The top comes from git with symlinks resolved; resolve p too.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	rel, err := filepath.Rel(r.Top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the git work tree %s", p, r.Top)
	}
	return filepath.ToSlash(rel), nil
}

// ReadDataset returns the dataset files (strategy.yaml, actors.yaml,
// items/*.yaml) under dir, relative to the top, as they are in commit, named
// relative to dir. The commit must be an id from [Repo.Resolve].
func (r *Repo) ReadDataset(commit, dir string) (memfs.FS, error) {
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if dir != "." && dir != "" {
		args = append(args, "--", dir+"/")
	}
	out, err := r.run(args...)
	if err != nil {
		return nil, err
	}
	var names, ids []string
	for _, rec := range strings.Split(string(out), "\x00") {
		meta, name, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta) // mode type object
		if len(f) != 3 || f[1] != "blob" || f[0] == "120000" {
			continue // symlinks are refused by the loader on disk too
		}
		rel := name
		if dir != "." && dir != "" {
			rel = strings.TrimPrefix(name, dir+"/")
		}
		if !datasetFile(rel) {
			continue
		}
		names, ids = append(names, rel), append(ids, f[2])
	}
	blobs, err := r.catFiles(ids)
	if err != nil {
		return nil, err
	}
	m := memfs.FS{}
	for i, n := range names {
		m[n] = blobs[i]
	}
	return m, nil
}

func datasetFile(rel string) bool {
	if rel == "strategy.yaml" || rel == "actors.yaml" {
		return true
	}
	d, f := path.Split(rel)
	ext := path.Ext(f)
	return d == "items/" && (ext == ".yaml" || ext == ".yml")
}

// catFiles reads blobs through a single `git cat-file --batch` process: one
// process per file would cost a fork for each of dozens of items.
func (r *Repo) catFiles(ids []string) ([][]byte, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	cmd := exec.Command(r.git, "cat-file", "--batch")
	cmd.Dir = r.Top
	cmd.Env = gitEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	// Feed ids while reading, so neither side blocks on a full pipe.
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			fmt.Fprintln(w, id)
		}
		w.Flush()
		stdin.Close()
	}()
	rd := bufio.NewReader(stdout)
	out := make([][]byte, 0, len(ids))
	var readErr error
	for _, id := range ids {
		data, err := readBlob(rd, id)
		if err != nil {
			readErr = err
			break
		}
		out = append(out, data)
	}
	_, _ = io.Copy(io.Discard, rd)
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = fmt.Errorf("git cat-file: %s", strings.TrimSpace(stderr.String()))
	}
	if readErr != nil {
		return nil, readErr
	}
	return out, nil
}

func readBlob(rd *bufio.Reader, id string) ([]byte, error) {
	header, err := rd.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	f := strings.Fields(header) // <id> <type> <size>, or <id> missing
	if len(f) != 3 || f[0] != id {
		return nil, fmt.Errorf("git cat-file: object %s: %s", id, strings.TrimSpace(header))
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("git cat-file: bad size in %q", strings.TrimSpace(header))
	}
	var buf bytes.Buffer
	if _, err := io.CopyN(&buf, rd, min(size, MaxBlobSize)); err != nil {
		return nil, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	if _, err := io.CopyN(io.Discard, rd, size-min(size, MaxBlobSize)+1); err != nil { // the rest, and the newline
		return nil, fmt.Errorf("git cat-file: reading %s: %w", id, err)
	}
	return buf.Bytes(), nil
}

// Commit is one commit that touched a file.
type Commit struct {
	ID      string `json:"commit"`
	Date    string `json:"date"`
	Author  string `json:"author"`
	Subject string `json:"subject"`
}

// Log returns the commits that changed the file at rel (relative to the
// top), newest first, following renames.
func (r *Repo) Log(rel string) ([]Commit, error) {
	out, err := r.run("log", "--follow", "--format=%H%x1f%ad%x1f%an%x1f%s", "--date=short", "--", rel)
	if err != nil {
		return nil, err
	}
	var cs []Commit
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "\x1f")
		if len(f) != 4 {
			continue
		}
		cs = append(cs, Commit{ID: f[0], Date: f[1], Author: f[2], Subject: f[3]})
	}
	return cs, nil
}

// Dirty reports whether the file or folder at rel has changes not committed
// (staged, unstaged or untracked).
func (r *Repo) Dirty(rel string) (bool, error) {
	out, err := r.run("status", "--porcelain", "-z", "--untracked-files=all", "--", rel)
	if err != nil {
		return false, err
	}
	return len(out) > 0, nil
}

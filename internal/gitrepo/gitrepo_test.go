package gitrepo

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// newRepo makes a git repository in a temporary folder with a dataset under
// data/ and one commit, and returns its path.
func newRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	gitEnvForTests(t)
	git(t, dir, "init", "-q", "-b", "main")
	write(t, dir, "data/strategy.yaml", "title: x\n")
	write(t, dir, "data/actors.yaml", "types: []\n")
	write(t, dir, "data/items/AR-01.yaml", "id: AR-01\n")
	write(t, dir, "data/items/README.md", "not an item\n")
	write(t, dir, "other.yaml", "outside the dataset\n")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "first")
	return dir
}

func gitEnvForTests(t *testing.T) {
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	t.Setenv("GIT_AUTHOR_NAME", "Example Tester")
	t.Setenv("GIT_AUTHOR_EMAIL", "tester@example.org")
	t.Setenv("GIT_COMMITTER_NAME", "Example Tester")
	t.Setenv("GIT_COMMITTER_EMAIL", "tester@example.org")
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadDataset(t *testing.T) {
	dir := newRepo(t)
	first := git(t, dir, "rev-parse", "HEAD")
	write(t, dir, "data/items/AR-01.yaml", "id: AR-01\nstatus: changed\n")
	write(t, dir, "data/items/TR-01.yaml", "id: TR-01\n")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "second")

	// Count git processes through a wrapper on PATH.
	log := filepath.Join(t.TempDir(), "calls")
	shim := t.TempDir()
	real, _ := exec.LookPath("git")
	write(t, shim, "git", "#!/bin/sh\necho \"$1\" >> "+log+"\nexec "+real+" \"$@\"\n")
	if err := os.Chmod(filepath.Join(shim, "git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", shim+string(os.PathListSeparator)+os.Getenv("PATH"))

	r, err := Open(filepath.Join(dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	rel, err := r.Rel(filepath.Join(dir, "data"))
	if err != nil || rel != "data" {
		t.Fatalf("Rel = %q, %v", rel, err)
	}
	fsys, err := r.ReadDataset(first, "data")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range fsys {
		names = append(names, n)
	}
	if got := strings.Join(slices.Sorted(slices.Values(names)), " "); got != "actors.yaml items/AR-01.yaml strategy.yaml" {
		t.Errorf("files at the first commit: %s", got)
	}
	if got := string(fsys["items/AR-01.yaml"]); got != "id: AR-01\n" {
		t.Errorf("AR-01 at the first commit: %q", got)
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	fsys, err = r.ReadDataset(head, "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(fsys) != 4 || string(fsys["items/AR-01.yaml"]) != "id: AR-01\nstatus: changed\n" {
		t.Errorf("files at HEAD: %v", fsys)
	}
	calls, _ := os.ReadFile(log)
	if n := strings.Count(string(calls), "cat-file"); n != 2 {
		t.Errorf("want one cat-file process per revision (2), got %d:\n%s", n, calls)
	}
}

func TestCheckRev(t *testing.T) {
	for _, bad := range []string{"", "-n", "--output=/tmp/x", "--all", "a..b", "HEAD:data", "a b", "x\n", "HEAD@{-1}\x00"} {
		if err := CheckRev(bad); err == nil {
			t.Errorf("CheckRev(%q) accepted it", bad)
		}
	}
	for _, good := range []string{"HEAD", "HEAD~2", "origin/main", "v1.0^{commit}", "abc1234", "feature/x-y_z"} {
		if err := CheckRev(good); err != nil {
			t.Errorf("CheckRev(%q) = %v", good, err)
		}
	}
}

func TestResolve(t *testing.T) {
	dir := newRepo(t)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Resolve("--all"); err == nil || !strings.Contains(err.Error(), "may not start with '-'") {
		t.Errorf("an option as a revision: %v", err)
	}
	_, err = r.Resolve("no-such-branch")
	revErr, ok := errors.AsType[*RevError](err)
	if !ok || revErr.Shallow || err.Error() != `unknown revision "no-such-branch"` {
		t.Errorf("unknown revision: %v", err)
	}
	// A branch named like an option cannot be created, but one named like a
	// file can; it must still resolve as a revision.
	git(t, dir, "branch", "data")
	if _, err := r.Resolve("data"); err != nil {
		t.Errorf("branch named data: %v", err)
	}
}

func TestShallowClone(t *testing.T) {
	src := newRepo(t)
	write(t, src, "data/items/AR-01.yaml", "id: AR-01\nstatus: x\n")
	git(t, src, "commit", "-q", "-am", "second")
	dst := filepath.Join(t.TempDir(), "clone")
	git(t, src, "clone", "-q", "--depth", "1", "file://"+src, dst)
	r, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Resolve("HEAD~1")
	revErr, ok := errors.AsType[*RevError](err)
	if !ok || !revErr.Shallow || !strings.Contains(err.Error(), "shallow clone") || !strings.Contains(err.Error(), "fetch-depth: 0") {
		t.Errorf("missing revision in a shallow clone: %v", err)
	}
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if fsys, err := r.ReadDataset(head, "data"); err != nil || len(fsys) != 3 {
		t.Errorf("HEAD of a shallow clone: %v, %v", fsys, err)
	}
}

func TestOpenFailures(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	plain := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	if _, err := Open(plain); !errors.Is(err, ErrNotRepo) {
		t.Errorf("not a repository: %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := Open(plain); !errors.Is(err, ErrNoGit) {
		t.Errorf("git missing: %v", err)
	}
}

func TestDefaultBranchAndMergeBase(t *testing.T) {
	dir := newRepo(t)
	r, _ := Open(dir)
	base, _ := r.Resolve("main")
	git(t, dir, "checkout", "-q", "-b", "feature")
	write(t, dir, "data/items/AR-01.yaml", "id: AR-01\nstatus: x\n")
	git(t, dir, "commit", "-q", "-am", "on feature")
	git(t, dir, "checkout", "-q", "main")
	write(t, dir, "other.yaml", "moved on\n")
	git(t, dir, "commit", "-q", "-am", "main moves on")
	git(t, dir, "checkout", "-q", "feature")
	b, err := r.DefaultBranch()
	if err != nil || b != "main" {
		t.Fatalf("DefaultBranch = %q, %v", b, err)
	}
	m, _ := r.Resolve(b)
	h, _ := r.Resolve("HEAD")
	mb, err := r.MergeBase(m, h)
	if err != nil || mb != base {
		t.Errorf("MergeBase = %q, %v; want %s", mb, err, base)
	}
}

func TestLogAndDirty(t *testing.T) {
	dir := newRepo(t)
	r, _ := Open(dir)
	git(t, dir, "mv", "data/items/AR-01.yaml", "data/items/AR-01-pay.yaml")
	git(t, dir, "commit", "-q", "-m", "rename")
	cs, err := r.Log("data/items/AR-01-pay.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Subject != "rename" || cs[1].Subject != "first" || cs[0].Author != "Example Tester" {
		t.Errorf("log following the rename: %+v", cs)
	}
	if d, err := r.Dirty("data/items/AR-01-pay.yaml"); err != nil || d {
		t.Errorf("clean file reported dirty: %v %v", d, err)
	}
	write(t, dir, "data/items/AR-01-pay.yaml", "id: AR-01\nedited: yes\n")
	if d, err := r.Dirty("data/items/AR-01-pay.yaml"); err != nil || !d {
		t.Errorf("edited file reported clean: %v %v", d, err)
	}
}

/*
 * sandbox.c - untrusted parsing in a limited, long-lived child process.
 *
 * Owns the extraction child: starting it (posix_spawn of our own binary,
 * never a bare fork), its limits, the socket protocol, the wall-clock
 * kill, reaping, and turning every way a child can die into a per-file
 * GError.  Must not touch the database, stdout or any file: the parent
 * side is called from a worker, the child side sees only a socket.
 *
 * Process layout.  The parent runs "SELF __child PPID MEM CPU" with
 *   fd 0  /dev/null
 *   fd 1, 2  the write end of a pipe whose read end the parent drains
 *         during every request, keeping the last STDERR_KEEP bytes: GLib
 *         ("failed to allocate"), C++ ("std::bad_alloc") and ASan say
 *         there that memory ran out before they abort
 *   fd 3  one end of a SOCK_STREAM socketpair
 * and nothing else: every fd we create is O_CLOEXEC, and the child closes
 * anything above 3 that leaked in from elsewhere.  posix_spawn (glibc:
 * clone with CLONE_VFORK, then exec) is safe from a threaded parent.
 *
 * Child limits, set once at start: PR_SET_PDEATHSIG(SIGKILL) (then a
 * check that PPID is still the parent, in case it died first),
 * PR_SET_NO_NEW_PRIVS, a network namespace of its own when the kernel
 * lets us (with CAP_SYS_ADMIN, else inside a new user namespace; EPERM
 * from both is ignored: the child opens no sockets anyway),
 * RLIMIT_CORE 0, RLIMIT_FSIZE 0 (no file can be written), RLIMIT_NOFILE
 * 16, RLIMIT_AS = MEM (skipped under ASan, whose shadow memory cannot run
 * under it).
 *
 * CPU.  RLIMIT_CPU counts all the CPU a process ever used, so a child
 * serving many documents would die on document 500 for the time of the
 * 499 before it.  Instead the hard limit is a budget, CPU_BUDGET_FACTOR
 * times the per-document limit, fixed at start and beyond the child's
 * reach (an unprivileged process cannot raise a hard limit).  Before each
 * document the child moves its soft limit to (CPU used so far, rounded
 * up) + the per-document limit, so each document gets its full allowance
 * and a runaway one gets SIGXCPU.  Each reply carries the CPU used so far;
 * the parent replaces the child before a document whose allowance would
 * not fit in the budget left.  A lying child only shortens its own life:
 * the kernel holds the hard limit.  Children are also replaced after
 * MAX_DOCUMENTS documents, so memory a parser leaks or fragments stays
 * bounded (annotators after MAX_COPIES: poppler leaks what they add).
 *
 * Protocol, one request then one reply, native byte order (both ends are
 * the same binary):
 *   request: struct req_header { magic "SRQ1", flags (1: raw,
 *            2: annotate), caps_size, aux (spec length when annotating,
 *            else 0), data length u64 }, struct caps, the spec
 *            (annot_pdf.h), the bytes
 *   reply:   struct rep_header { magic "SRP1", code (0 ok, else an
 *            SE_* code), cpu_ms used so far, 0, length u64 }, then
 *            doc_encode() bytes when ok, else the UTF-8 reason
 *   annotate reply: the annotated PDF's bytes when ok
 * An annotator child ("SELF __child PPID MEM CPU FSIZE") serves only
 * annotate requests and an extraction child only the others; see
 * child_jail() for how the annotator is confined.
 * The parent caps the reply at REPLY_FACTOR x the text cap + 1 MiB,
 * checks the header before reading on, and hands the body to
 * doc_decode(), which trusts nothing.
 *
 * Failures.  A child error reply is an ordinary per-file error and the
 * child serves on.  Anything else ends the child (SIGKILL, waitpid: no
 * zombie is ever left) and the next document starts a fresh one:
 *   wall clock passed            SE_TIMEOUT  "timed out after N s"
 *   SIGXCPU                      SE_TIMEOUT  "CPU limit of N s exceeded"
 *   stderr says out of memory    SE_MEMORY   "memory limit exceeded"
 *   other signal                 SE_CRASH    "extractor crashed (signal N)"
 *   exit without replying        SE_CRASH    "extractor exited
 *                                             unexpectedly (status N)"
 *   bad or oversized reply       SE_PROTOCOL
 * A healthy child being replaced (quota, CPU budget, sandbox_free) gets
 * EOF on its socket and half a second to exit before SIGKILL.
 *
 * Test builds (-DSCREENER_FAULTS) have a fault hook in the child: a
 * document beginning "SCREENER-FAULT:" + hang, spin, oom, crash, garbage,
 * exit, baddoc (a bad document encoding) or huge (a reply over the cap)
 * makes the child misbehave that way, so a batch can mix faulty and good
 * files.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef SCREENER_ASAN
#include <sanitizer/lsan_interface.h>
#endif
#include "annot_pdf.h"
#include "confine.h"
#include "error.h"
#include "extract.h"
#include "ocr.h"
#include "sandbox.h"

extern char **environ;

#define CHILD_FD 3
#define REQ_MAGIC 0x31515253u	/* "SRQ1" */
#define REP_MAGIC 0x31505253u	/* "SRP1" */
#define FLAG_RAW 1u
#define FLAG_ANNOTATE 2u
/* Annotated copies are at most the original, new objects and a second
 * xref: SPEC_MAX of annotations cannot add more than this. */
#define SPEC_MAX (4u << 20)
#define ANNOT_SLACK (8u << 20)
#define STDERR_KEEP 4096u
#define MESSAGE_MAX 1024u
#define CPU_BUDGET_FACTOR 4u
#define MAX_DOCUMENTS 1000u
/* poppler 22.12 never frees an annotation it adds (see child_annotate()):
 * about 0.3 MB a copy, so an annotator serving a thousand copies reached
 * 320 MB.  Replaced after this many, it stays under 60 MB; a new one
 * costs a few milliseconds. */
#define MAX_COPIES 100u
#define CHILD_NOFILE 16u
#define RETIRE_WAIT_US (G_USEC_PER_SEC / 2)
/* A reply holds raw text (1 byte per byte of the cap), normalised text
 * and its map (5 per byte), blocks (at most one per 2 bytes, 18 bytes
 * each) and glyphs (at most one per byte, 24 bytes): about 39 per byte;
 * 64 leaves room for normalisation that lengthens text. */
#define REPLY_FACTOR 64u

struct req_header {
	guint32 magic, flags, caps_size, aux;	/* aux: spec length when
						   FLAG_ANNOTATE */
	guint64 len;
};

struct rep_header {
	guint32 magic, code, cpu_ms, zero;
	guint64 len;
};

struct sandbox {
	char *exe;
	bool annotator;		/* child jailed for sandbox_annotate() */
	char *scratch;		/* the child's empty folder (see
				   confine_self()), removed with it */
	struct caps caps;
	pid_t pid;		/* 0: no child yet */
	int sock;		/* our end, non-blocking */
	int errfd;		/* the child's stderr, non-blocking; -1 at EOF */
	guint32 cpu_ms;		/* CPU the child last said it had used */
	guint documents;	/* served by this child */
	GByteArray *tail;	/* last STDERR_KEEP bytes of its stderr */
};

const char *sandbox_self_exe(void)
{
	static gsize once;
	static char *path;

	if (g_once_init_enter(&once)) {
		char *p = g_file_read_link("/proc/self/exe", NULL);

		if (!p || !g_path_is_absolute(p) ||
		    g_str_has_suffix(p, " (deleted)")) {
			g_free(p);
			p = g_strdup("/proc/self/exe");
		}
		path = p;
		g_once_init_leave(&once, 1);
	}
	return path;
}

struct sandbox *sandbox_new(const char *self_exe, const struct caps *caps)
{
	struct sandbox *sb = g_new0(struct sandbox, 1);

	/* No child may ptrace us or open our /proc files, even one running
	 * as our own uid (a non-root run without a user namespace). */
	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);

	sb->exe = g_strdup(self_exe);
	sb->caps = *caps;
	sb->sock = -1;
	sb->errfd = -1;
	sb->tail = g_byte_array_new();
	return sb;
}

pid_t sandbox_pid(const struct sandbox *sb)
{
	return sb->pid;
}

static guint64 cpu_budget(const struct caps *caps)
{
	return (guint64)MAX(caps->cpu_seconds, 1u) * CPU_BUDGET_FACTOR;
}

/* The largest annotated copy: the original plus what SPEC_MAX of
 * annotations can add.  Also the annotator's RLIMIT_FSIZE. */
static guint64 annot_reply_cap(const struct caps *caps)
{
	guint64 file = caps->file_bytes ? caps->file_bytes : (64u << 20);

	return file + SPEC_MAX + ANNOT_SLACK;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Keep only the end of what the child printed: the abort message is
 * the last thing it says. */
static void drain_stderr(struct sandbox *sb)
{
	guint8 chunk[4096];

	while (sb->errfd >= 0) {
		ssize_t n = read(sb->errfd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			close_fd(&sb->errfd);
			return;
		}
		g_byte_array_append(sb->tail, chunk, n);
		if (sb->tail->len > 2 * STDERR_KEEP)
			g_byte_array_remove_range(sb->tail, 0,
						  sb->tail->len - STDERR_KEEP);
	}
}

/* The largest peak RSS (KiB) of the reaped children of each kind:
 * [0] extraction, [1] annotation ("screener run --times"). */
static _Atomic long peak_rss_kib[2];

/* waitpid() that also keeps the child's peak RSS by kind. */
static pid_t wait_child(pid_t pid, int *status, int flags, bool annotator)
{
	struct rusage ru = { 0 };
	pid_t r = wait4(pid, status, flags, &ru);
	long old = atomic_load(&peak_rss_kib[annotator]);

	while (r == pid && ru.ru_maxrss > old &&
	       !atomic_compare_exchange_weak(&peak_rss_kib[annotator], &old,
					     ru.ru_maxrss))
		;
	return r;
}

double sandbox_peak_rss_mb(bool annotator)
{
	return atomic_load(&peak_rss_kib[annotator]) / 1024.0;
}

static int reap(pid_t pid, bool annotator)
{
	int status = 0;

	while (wait_child(pid, &status, 0, annotator) < 0 && errno == EINTR)
		;
	return status;
}

/* The child's empty folder, and the annotator's copy left in it where
 * the child had no tmpfs of its own. */
static void remove_scratch(struct sandbox *sb)
{
	g_autofree char *copy = NULL;

	if (!sb->scratch)
		return;
	copy = g_build_filename(sb->scratch, ANNOT_PDF_COPY_NAME, NULL);
	(void)unlink(copy);
	(void)rmdir(sb->scratch);
	g_clear_pointer(&sb->scratch, g_free);
}

/* End the child at once and reap it.  Its process group goes too: it
 * cannot fork, but if it ever did, nothing of it outlives the run. */
static void stop_child(struct sandbox *sb)
{
	if (sb->pid > 0) {
		kill(-sb->pid, SIGKILL);
		kill(sb->pid, SIGKILL);
		reap(sb->pid, sb->annotator);
	}
	sb->pid = 0;
	close_fd(&sb->sock);
	close_fd(&sb->errfd);
	remove_scratch(sb);
}

/* A healthy child is done with: close its socket so it returns from
 * main (under ASan, LeakSanitizer then checks it), give it a moment, and
 * kill it if it dawdles.  Sanitizer builds pass on what a child said when
 * it ended badly (a leak report), or nobody would ever see it; the
 * program users run prints nothing here. */
static void retire_child(struct sandbox *sb)
{
	gint64 until = g_get_monotonic_time() + RETIRE_WAIT_US;
	pid_t pid = sb->pid, r = 0;
	int status = 0;

	if (pid <= 0)
		return;
	close_fd(&sb->sock);
	drain_stderr(sb);
	g_byte_array_set_size(sb->tail, 0);
	while (g_get_monotonic_time() < until) {
		struct pollfd p = { .fd = sb->errfd, .events = POLLIN };

		r = wait_child(pid, &status, WNOHANG, sb->annotator);
		if (r == pid || (r < 0 && errno != EINTR))
			break;
		/* Its stderr ends as it exits; it is reapable a moment
		 * later. */
		if (sb->errfd >= 0)
			poll(&p, 1, 10);
		else
			g_usleep(200);
		drain_stderr(sb);
	}
	if (r != pid) {
		kill(pid, SIGKILL);
		status = reap(pid, sb->annotator);
	}
	kill(-pid, SIGKILL);
	sb->pid = 0;
	drain_stderr(sb);
#ifdef SCREENER_ASAN
	if (r == pid && status != 0 && sb->tail->len)
		fwrite(sb->tail->data, 1, sb->tail->len, stderr);
#endif
	stop_child(sb);
}

/* dup2(fd, fd) would leave FD_CLOEXEC set, so the child's ends must not
 * already sit on the numbers they are moved to. */
static int above_fixed(int fd)
{
	int moved;

	if (fd > CHILD_FD)
		return fd;
	moved = fcntl(fd, F_DUPFD_CLOEXEC, CHILD_FD + 1);
	close(fd);
	return moved;
}

/* The child's environment: empty, but for what a sanitizer or valgrind
 * build needs to run at all.  Caller frees with g_strfreev(). */
static char **child_env(void)
{
#ifdef SCREENER_VALGRIND
	/* valgrind follows the exec through variables of its own; OpenMP
	 * gets one thread, as below. */
	return g_environ_setenv(g_strdupv(environ), "OMP_THREAD_LIMIT", "1",
				TRUE);
#else
	static const char *const keep[] = {
		"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS",
		"ASAN_SYMBOLIZER_PATH",
	};
	GPtrArray *env = g_ptr_array_new();
	size_t i;

	/* OpenMP (inside Tesseract) reads this as it loads, before main():
	 * one thread, for a child that may start none (ocr.c). */
	g_ptr_array_add(env, g_strdup("OMP_THREAD_LIMIT=1"));
	for (i = 0; i < G_N_ELEMENTS(keep); i++) {
		const char *v = g_getenv(keep[i]);

#ifndef SCREENER_ASAN
		break;
#endif
		if (v)
			g_ptr_array_add(env, g_strconcat(keep[i], "=", v,
							 NULL));
	}
	g_ptr_array_add(env, NULL);
	return (char **)g_ptr_array_free(env, FALSE);
#endif
}

/* Test builds: SCREENER_TEST_CONFINE=no-userns,chroot makes the child
 * act as on a machine without user namespaces, or in a plain chroot. */
static guint test_confine_flags(void)
{
	guint flags = 0;
#ifdef SCREENER_FAULTS
	const char *v = g_getenv("SCREENER_TEST_CONFINE");

	if (v && strstr(v, "no-userns"))
		flags |= CONFINE_TEST_NO_USERNS;
	if (v && strstr(v, "chroot"))
		flags |= CONFINE_TEST_CHROOT;
#endif
	return flags;
}

/* An empty folder for the child (see confine_self()): only ours, but
 * as root the child's uid must be able to enter it, and the annotator
 * write in it.  Caller frees and removes. */
static char *make_scratch(bool writable, GError **err)
{
	char *dir = g_dir_make_tmp("screener-XXXXXX", err);

	if (!dir)
		return NULL;
	if (geteuid() == 0 &&
	    (writable ? chown(dir, CONFINE_NOBODY, CONFINE_NOBODY) :
			chmod(dir, 0711)) < 0) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED, "%s: %s", dir,
			    g_strerror(errno));
		(void)rmdir(dir);
		g_free(dir);
		return NULL;
	}
	return dir;
}

/* posix_spawn "SELF __child MODE PPID MEM CPU FSIZE SCRATCH FLAGS" with
 * fd 0 /dev/null, fds 1 and 2 out, fd 3 sock (when >= 0), in a process
 * group of its own.  Returns 0 or an errno. */
static int spawn_self(const char *exe, const char *mode,
		      const struct caps *caps, guint64 fsize,
		      const char *scratch, int out, int sock, pid_t *pid)
{
	char ppid[24], mem[24], cpu[24], fs[24], flags[24];
	char *argv[] = { "screener", "__child", (char *)mode, ppid, mem, cpu,
			 fs, (char *)scratch, flags, NULL };
	g_auto(GStrv) env = child_env();
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, all;
	int rc;

	g_snprintf(ppid, sizeof(ppid), "%ld", (long)getpid());
	g_snprintf(mem, sizeof(mem), "%" G_GUINT64_FORMAT,
		   caps->memory_bytes);
	g_snprintf(cpu, sizeof(cpu), "%" G_GUINT64_FORMAT, cpu_budget(caps));
	g_snprintf(fs, sizeof(fs), "%" G_GUINT64_FORMAT, fsize);
	g_snprintf(flags, sizeof(flags), "%u", test_confine_flags());

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, out, 2);
	if (sock >= 0)
		posix_spawn_file_actions_adddup2(&fa, sock, CHILD_FD);
	/* The child starts with no signal blocked and every handler at its
	 * default, whatever the calling thread had; its own process group
	 * is killed whole when it ends. */
	sigemptyset(&none);
	sigfillset(&all);
	sigdelset(&all, SIGKILL);
	sigdelset(&all, SIGSTOP);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &all);
	posix_spawnattr_setpgroup(&attr, 0);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
					POSIX_SPAWN_SETSIGDEF |
					POSIX_SPAWN_SETPGROUP);
	rc = posix_spawn(pid, exe, &fa, &attr, argv, env);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

static bool spawn_child(struct sandbox *sb, GError **err)
{
	guint64 fsize = sb->annotator ? annot_reply_cap(&sb->caps) : 0;
	int sv[2], ep[2], rc;

	sb->scratch = make_scratch(sb->annotator, err);
	if (!sb->scratch) {
		g_prefix_error(err, "cannot start the extractor: ");
		return false;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		rc = errno;
		goto fail;
	}
	if (pipe2(ep, O_CLOEXEC) < 0) {
		rc = errno;
		close(sv[0]);
		close(sv[1]);
		goto fail;
	}
	sv[1] = above_fixed(sv[1]);
	ep[1] = above_fixed(ep[1]);
	rc = sv[1] < 0 || ep[1] < 0 ? EMFILE :
	     spawn_self(sb->exe, sb->annotator ? "annotate" : "extract",
			&sb->caps, fsize, sb->scratch, ep[1], sv[1],
			&sb->pid);
	if (sv[1] >= 0)
		close(sv[1]);
	if (ep[1] >= 0)
		close(ep[1]);
	if (rc != 0) {
		sb->pid = 0;
		close(sv[0]);
		close(ep[0]);
		goto fail;
	}
	sb->sock = sv[0];
	sb->errfd = ep[0];
	fcntl(sb->sock, F_SETFL, O_NONBLOCK);
	fcntl(sb->errfd, F_SETFL, O_NONBLOCK);
	sb->cpu_ms = 0;
	sb->documents = 0;
	return true;
fail:
	remove_scratch(sb);
	g_set_error(err, SCREENER_ERROR, SE_FAILED,
		    "cannot start the extractor: %s", g_strerror(rc));
	return false;
}

static bool says_out_of_memory(const GByteArray *tail)
{
	static const char *const marks[] = {
		"failed to allocate",	/* GLib's g_malloc */
		"std::bad_alloc",	/* C++ new */
		"Out of memory",	/* poppler's gmem */
		"out of memory",	/* ASan, others */
		"allocation-size-too-big",	/* ASan */
		"Memory allocation failed",	/* libxml2 */
	};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(marks) && tail->len; i++)
		if (memmem(tail->data, tail->len, marks[i],
			   strlen(marks[i])))
			return true;
	return false;
}

/* The child is dead or dying and did not reply.  Wait until the
 * deadline for it to finish on its own (it may close the socket just
 * before it exits), then kill it; read what it said last; name the
 * cause. */
static void child_died(struct sandbox *sb, gint64 deadline, bool timed_out,
		       GError **err)
{
	int status = 0;
	pid_t r = 0;

	while (!timed_out) {
		r = wait_child(sb->pid, &status, WNOHANG, sb->annotator);
		if (r == sb->pid || (r < 0 && errno != EINTR))
			break;
		if (g_get_monotonic_time() >= deadline) {
			timed_out = true;
			break;
		}
		if (sb->errfd >= 0) {
			struct pollfd p = { .fd = sb->errfd, .events = POLLIN };

			poll(&p, 1, 5);
			drain_stderr(sb);
		} else {
			g_usleep(1000);
		}
	}
	if (r != sb->pid) {
		kill(sb->pid, SIGKILL);
		status = reap(sb->pid, sb->annotator);
	}
	kill(-sb->pid, SIGKILL);
	sb->pid = 0;
	drain_stderr(sb);
	stop_child(sb);

	if (timed_out)
		g_set_error(err, SCREENER_ERROR, SE_TIMEOUT,
			    "timed out after %u s", sb->caps.wall_seconds);
	else if (says_out_of_memory(sb->tail))
		g_set_error_literal(err, SCREENER_ERROR, SE_MEMORY,
				    "memory limit exceeded");
	else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
		g_set_error(err, SCREENER_ERROR, SE_TIMEOUT,
			    "CPU limit of %u s exceeded",
			    sb->caps.cpu_seconds);
	else if (WIFSIGNALED(status))
		g_set_error(err, SCREENER_ERROR, SE_CRASH,
			    "extractor crashed (signal %d)",
			    WTERMSIG(status));
	else
		g_set_error(err, SCREENER_ERROR, SE_CRASH,
			    "extractor exited unexpectedly (status %d)",
			    WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void protocol_error(struct sandbox *sb, GError **err, const char *why)
{
	stop_child(sb);
	g_set_error(err, SCREENER_ERROR, SE_PROTOCOL,
		    "extractor sent a malformed reply (%s)", why);
}

/* What is sent: header, caps, then the document, as one stream. */
struct outgoing {
	const guint8 *part[4];
	gsize len[4];
	guint at;		/* part being sent */
	gsize off;		/* bytes of it sent */
};

static bool send_some(int fd, struct outgoing *o)
{
	while (o->at < G_N_ELEMENTS(o->part)) {
		ssize_t n;

		if (o->off == o->len[o->at]) {
			o->at++;
			o->off = 0;
			continue;
		}
		n = send(fd, o->part[o->at] + o->off, o->len[o->at] - o->off,
			 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR;
		o->off += n;
	}
	return true;
}

static guint64 reply_cap(const struct caps *caps)
{
	guint64 text = caps->text_bytes ? caps->text_bytes : G_MAXUINT32;

	return text * REPLY_FACTOR + (1u << 20);
}

/* The body of an error reply: bounded, valid UTF-8, no control
 * characters (it will be printed after a file name). */
static bool child_error(const guint8 *p, gsize len, guint32 code,
			GError **err)
{
	g_autofree char *msg = NULL;
	gsize i;

	if (code < SE_FAILED || code > SE_STILL_WRITING || len == 0 ||
	    len > MESSAGE_MAX || !g_utf8_validate_len((const char *)p, len,
						      NULL))
		return false;
	msg = g_strndup((const char *)p, len);
	for (i = 0; i < len; i++)
		if ((guchar)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = ' ';
	g_set_error_literal(err, SCREENER_ERROR, code, msg);
	return true;
}

/* A whole reply is in buf: count it, and turn an error reply into err.
 * Returns the body of a good reply (pointing into buf). */
static const guint8 *reply_body(struct sandbox *sb, GByteArray *buf,
				gsize *len, GError **err)
{
	struct rep_header h;

	memcpy(&h, buf->data, sizeof(h));
	sb->cpu_ms = h.cpu_ms;
	sb->documents++;
	*len = h.len;
	if (h.code == 0)
		return buf->data + sizeof(h);
	if (!child_error(buf->data + sizeof(h), h.len, h.code, err))
		protocol_error(sb, err, "bad error reply");
	return NULL;
}

/* One request, one reply: send header, caps, head (may be empty) and
 * data; return the whole reply, header included, or NULL with err. */
static GByteArray *exchange(struct sandbox *sb, guint32 flags,
			    const guint8 *head, guint32 head_len,
			    const guint8 *data, gsize len, guint64 cap,
			    GError **err)
{
	struct req_header req = {
		.magic = REQ_MAGIC,
		.flags = flags,
		.caps_size = sizeof(struct caps),
		.aux = head_len,
		.len = len,
	};
	struct outgoing out = {
		.part = { (const guint8 *)&req, (const guint8 *)&sb->caps,
			  head, data },
		.len = { sizeof(req), sizeof(sb->caps), head_len, len },
	};
	g_autoptr(GByteArray) buf = g_byte_array_new();
	guint64 want = 0;
	gint64 deadline;

	/* input_read() checked this already; the child refuses it too. */
	if (sb->caps.file_bytes && len > sb->caps.file_bytes) {
		g_set_error(err, SCREENER_ERROR, SE_TOO_LARGE,
			    "file too large (%" G_GSIZE_FORMAT " bytes, limit %"
			    G_GUINT64_FORMAT " bytes)", len,
			    sb->caps.file_bytes);
		return NULL;
	}
	if (sb->pid && (sb->documents >= (sb->annotator ? MAX_COPIES :
							  MAX_DOCUMENTS) ||
			sb->cpu_ms / 1000 + 1 + sb->caps.cpu_seconds >
				cpu_budget(&sb->caps)))
		retire_child(sb);
	if (!sb->pid && !spawn_child(sb, err))
		return NULL;
	drain_stderr(sb);
	g_byte_array_set_size(sb->tail, 0);

	deadline = g_get_monotonic_time() +
		   (gint64)sb->caps.wall_seconds * G_USEC_PER_SEC;
	for (;;) {
		struct pollfd p[2] = {
			{ .fd = sb->sock, .events = POLLIN },
			{ .fd = sb->errfd, .events = POLLIN },
		};
		gint64 left = deadline - g_get_monotonic_time();
		guint8 chunk[65536];
		ssize_t n;

		if (left <= 0) {
			child_died(sb, deadline, true, err);
			return NULL;
		}
		if (out.at < G_N_ELEMENTS(out.part))
			p[0].events |= POLLOUT;
		if (poll(p, sb->errfd >= 0 ? 2 : 1,
			 (int)MIN((left + 999) / 1000, G_MAXINT)) < 0) {
			if (errno == EINTR)
				continue;
			stop_child(sb);
			g_set_error(err, SCREENER_ERROR, SE_FAILED,
				    "poll: %s", g_strerror(errno));
			return NULL;
		}
		if (p[1].revents)
			drain_stderr(sb);
		if ((p[0].revents & POLLOUT) && !send_some(sb->sock, &out)) {
			child_died(sb, deadline, false, err);
			return NULL;
		}
		if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		n = recv(sb->sock, chunk, sizeof(chunk), MSG_DONTWAIT);
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			continue;
		if (n <= 0) {
			child_died(sb, deadline, false, err);
			return NULL;
		}
		g_byte_array_append(buf, chunk, n);
		if (want == 0 && buf->len >= sizeof(struct rep_header)) {
			struct rep_header h;

			memcpy(&h, buf->data, sizeof(h));
			if (h.magic != REP_MAGIC || h.zero != 0) {
				protocol_error(sb, err, "bad header");
				return NULL;
			}
			if (h.len > cap) {
				protocol_error(sb, err, "too large");
				return NULL;
			}
			want = sizeof(h) + h.len;
		}
		if (want && buf->len > want) {
			protocol_error(sb, err, "trailing bytes");
			return NULL;
		}
		if (want && buf->len == want) {
			if (out.at < G_N_ELEMENTS(out.part)) {
				protocol_error(sb, err, "replied early");
				return NULL;
			}
			return g_steal_pointer(&buf);
		}
	}
}

struct doc *sandbox_extract(struct sandbox *sb, const guint8 *data,
			    gsize len, bool raw, GError **err)
{
	g_autoptr(GByteArray) buf = NULL;
	const guint8 *body;
	struct doc *d;
	gsize n;

	g_return_val_if_fail(!sb->annotator, NULL);
	buf = exchange(sb, raw ? FLAG_RAW : 0, NULL, 0, data, len,
		       reply_cap(&sb->caps), err);
	if (!buf || !(body = reply_body(sb, buf, &n, err)))
		return NULL;
	d = doc_decode(body, n, err);
	if (!d)
		stop_child(sb);	/* never trust that child again */
	return d;
}

struct sandbox *sandbox_new_annotator(const char *self_exe,
				      const struct caps *caps)
{
	struct sandbox *sb = sandbox_new(self_exe, caps);

	sb->annotator = true;
	return sb;
}

GBytes *sandbox_annotate(struct sandbox *sb, const guint8 *pdf, gsize len,
			 const guint8 *spec, gsize spec_len, GError **err)
{
	g_autoptr(GByteArray) buf = NULL;
	const guint8 *body;
	gsize n;

	g_return_val_if_fail(sb->annotator, NULL);
#ifdef SCREENER_FAULTS
	/* Test builds: a run whose copies all fail (then the next run must
	 * make them). */
	if (g_getenv("SCREENER_TEST_ANNOTATE_FAILS")) {
		g_set_error_literal(err, SCREENER_ERROR, SE_FAILED,
				    "annotation refused for this test");
		return NULL;
	}
#endif
	if (spec_len > SPEC_MAX) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "too many highlights (%" G_GSIZE_FORMAT
			    " bytes of them, limit %u)", spec_len, SPEC_MAX);
		return NULL;
	}
	buf = exchange(sb, FLAG_ANNOTATE, spec, (guint32)spec_len, pdf, len,
		       annot_reply_cap(&sb->caps), err);
	if (!buf || !(body = reply_body(sb, buf, &n, err)))
		return NULL;
	return g_bytes_new(body, n);
}

static void layer_free(gpointer p)
{
	struct sandbox_layer *l = p;

	g_free(l->detail);
	g_free(l);
}

static void add_layer(GPtrArray *out, const char *name, bool ok,
		      const char *detail)
{
	struct sandbox_layer *l = g_new0(struct sandbox_layer, 1);

	l->name = name;
	l->ok = ok;
	l->detail = g_strdup(detail);
	g_ptr_array_add(out, l);
}

/* Read all a "check" child prints, up to a size and a time. */
static bool read_check(int fd, GString *out, gint64 deadline)
{
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		gint64 left = deadline - g_get_monotonic_time();
		char chunk[4096];
		ssize_t n;

		if (left <= 0 || out->len > 65536)
			return false;
		if (poll(&p, 1, (int)MIN((left + 999) / 1000, G_MAXINT)) < 0 &&
		    errno != EINTR)
			return false;
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0)
			return n == 0;
		g_string_append_len(out, chunk, n);
	}
}

GPtrArray *sandbox_check(const char *self_exe, GError **err)
{
	struct caps caps = caps_default();
	g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func(layer_free);
	g_autoptr(GString) text = g_string_new(NULL);
	g_autofree char *scratch = NULL;
	g_auto(GStrv) lines = NULL;
	guint seen = 0;
	pid_t pid = 0;
	int ep[2], rc, status;
	bool done;

	(void)prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	scratch = make_scratch(false, err);
	if (!scratch)
		return NULL;
	if (pipe2(ep, O_CLOEXEC) < 0) {
		rc = errno;
		(void)rmdir(scratch);
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "cannot start the sandbox check: %s",
			    g_strerror(rc));
		return NULL;
	}
	ep[1] = above_fixed(ep[1]);
	rc = ep[1] < 0 ? EMFILE : spawn_self(self_exe, "check", &caps, 0,
					     scratch, ep[1], -1, &pid);
	if (ep[1] >= 0)
		close(ep[1]);
	done = rc == 0 && read_check(ep[0], text, g_get_monotonic_time() +
				     60 * G_USEC_PER_SEC);
	close(ep[0]);
	if (rc == 0) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		status = reap(pid, false);
	}
	(void)rmdir(scratch);
	if (rc != 0 || !done || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != EXIT_OK) {
		g_strchomp(text->str);
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "the sandbox check failed: %s", rc ?
			    g_strerror(rc) : text->len ? text->str :
			    "no answer");
		return NULL;
	}
	lines = g_strsplit(text->str, "\n", -1);
	for (guint i = 0; lines[i] && lines[i][0]; i++) {
		g_auto(GStrv) f = g_strsplit(lines[i], "\t", 3);
		guint64 n;

		if (g_strv_length(f) != 3 ||
		    !g_ascii_string_to_unsigned(f[0], 10, 0,
						CONFINE_N_LAYERS - 1, &n, NULL) ||
		    (seen >> n) & 1)
			continue;
		seen |= 1u << n;
		add_layer(out, confine_layer_name(n), strcmp(f[1], "1") == 0,
			  f[2]);
	}
	if (seen != (1u << CONFINE_N_LAYERS) - 1) {
		g_set_error(err, SCREENER_ERROR, SE_FAILED,
			    "the sandbox check failed: incomplete answer");
		return NULL;
	}
	/* The parent's own layers: always there. */
	add_layer(out, "empty environment", true, "nothing inherited");
	add_layer(out, "own process group", true, "killed whole at the end");
	add_layer(out, "parent not dumpable", true,
		  "no ptrace, no /proc/PID/mem of the parent");
	return g_steal_pointer(&out);
}

void sandbox_free(struct sandbox *sb)
{
	if (!sb)
		return;
	retire_child(sb);
	g_byte_array_unref(sb->tail);
	g_free(sb->exe);
	g_free(sb);
}

/* ---- the child ---- */

static guint64 cpu_used_ms(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru) < 0)
		return 0;
	return (guint64)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

static bool set_limit(int resource, rlim_t soft, rlim_t hard)
{
	struct rlimit rl = { .rlim_cur = soft, .rlim_max = hard };

	return setrlimit(resource, &rl) == 0;
}

static void child_fatal(const char *what)
{
	fprintf(stderr, "screener __child: %s: %s\n", what,
		g_strerror(errno));
	_exit(EXIT_FATAL);
}

/* Few descriptors: the socket, stdio and what a parser opens itself. */
static bool limit_nofile(void)
{
#ifdef SCREENER_VALGRIND
	/* valgrind refuses any new hard NOFILE limit (it keeps descriptors
	 * of its own above it): the "make valgrind" build lowers the soft
	 * one only. */
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
		return false;
	return set_limit(RLIMIT_NOFILE, CHILD_NOFILE, rl.rlim_max);
#else
	return set_limit(RLIMIT_NOFILE, CHILD_NOFILE, CHILD_NOFILE);
#endif
}

/* poppler stores notes as UTF-16 through g_convert(): iconv loads its
 * tables on first use, from files the jail may not show.  Loaded before
 * confining and kept while the child lives. */
static GIConv annot_iconv = (GIConv)-1;

/* What confine_self() did, kept for the "check" child's report. */
static struct confine_result confined;

static void child_harden(pid_t parent, guint64 mem, guint64 cpu,
			 bool annotator, guint64 fsize, const char *scratch,
			 guint flags)
{
	/* A parent gone before this line would leave us orphaned: the
	 * signal only covers deaths from now on. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		child_fatal("PR_SET_PDEATHSIG");
	if (getppid() != parent)
		_exit(EXIT_FATAL);
	if (close_range(CHILD_FD + 1, ~0u, 0) < 0) {
		int fd;

		for (fd = CHILD_FD + 1; fd < 1024; fd++)
			close(fd);
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		child_fatal("PR_SET_NO_NEW_PRIVS");
	if (annotator) {
		annot_iconv = g_iconv_open("UTF-16BE", "UTF-8");
		if (annot_iconv == (GIConv)-1)
			child_fatal("cannot prepare the annotator (iconv)");
		flags |= CONFINE_WRITABLE;
	} else {
		/* The OCR language data, opened while files can be. */
		ocr_prepare();
	}
	/* Each layer the machine refuses is named once per run by the
	 * parent (sandbox_check()); a step failing half-way is fatal. */
	if (!confine_self(scratch, fsize, flags, &confined))
		child_fatal("cannot confine the child");
#ifdef SCREENER_VALGRIND
	/* valgrind writes its log, a file, from this process. */
	fsize = RLIM_INFINITY;
#endif
	if (!set_limit(RLIMIT_CORE, 0, 0) ||
	    !set_limit(RLIMIT_FSIZE, fsize, fsize) ||
	    !limit_nofile() ||
	    !set_limit(RLIMIT_CPU, cpu, cpu))
		child_fatal("setrlimit");
	/* ASan reserves terabytes of shadow memory and valgrind maps its
	 * own heap in the same process: neither starts under RLIMIT_AS. */
#if !defined(SCREENER_ASAN) && !defined(SCREENER_VALGRIND)
	if (mem && !set_limit(RLIMIT_AS, mem, mem))
		child_fatal("setrlimit AS");
#else
	(void)mem;
#endif
	/* No new process, ever.  Sanitizer builds: LeakSanitizer's exit
	 * check needs a thread of its own, and the allow-list still
	 * refuses any clone that is not one. */
#ifndef SCREENER_ASAN
	if (!set_limit(RLIMIT_NPROC, 0, 0))
		child_fatal("setrlimit NPROC");
	confined.have |= 1u << CONFINE_NPROC;
	g_strlcpy(confined.detail[CONFINE_NPROC], "RLIMIT_NPROC 0",
		  sizeof(confined.detail[CONFINE_NPROC]));
#else
	confined.have |= 1u << CONFINE_NPROC;
	g_strlcpy(confined.detail[CONFINE_NPROC], "sanitizer build: "
		  "threads only, by the allow-list",
		  sizeof(confined.detail[CONFINE_NPROC]));
#endif
	(void)confine_seccomp(flags, &confined);
}

/* Give this document its own CPU allowance: soft limit = used + cpu,
 * within the hard budget fixed at start. */
static void child_arm_cpu(guint32 cpu_seconds)
{
	struct rlimit rl;
	rlim_t soft;

	if (getrlimit(RLIMIT_CPU, &rl) < 0)
		return;
	soft = (cpu_used_ms() + 999) / 1000 + MAX(cpu_seconds, 1u);
	if (rl.rlim_max != RLIM_INFINITY && soft > rl.rlim_max)
		soft = rl.rlim_max;
	rl.rlim_cur = soft;
	setrlimit(RLIMIT_CPU, &rl);
}

/* 1: all read; 0: end of stream before any byte; -1: error. */
static int read_full(int fd, void *buf, gsize len)
{
	guint8 *p = buf;
	gsize got = 0;

	while (got < len) {
		ssize_t n = read(fd, p + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0 && got == 0 ? 0 : -1;
		got += n;
	}
	return 1;
}

static bool write_full(int fd, const void *buf, gsize len)
{
	const guint8 *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

static bool child_reply(guint32 code, const void *body, gsize len)
{
	struct rep_header h = {
		.magic = REP_MAGIC,
		.code = code,
		.cpu_ms = (guint32)MIN(cpu_used_ms(), G_MAXUINT32),
		.len = len,
	};

	return write_full(CHILD_FD, &h, sizeof(h)) &&
	       write_full(CHILD_FD, body, len);
}

#ifdef SCREENER_FAULTS
static void fault_hang(void)
{
	for (;;)
		pause();
}

static void fault_spin(void)
{
	volatile guint64 x = 0;

	for (;;)
		x++;
}

static void fault_oom(void)
{
#ifdef SCREENER_ASAN
	/* ASan reserves terabytes of shadow memory, so RLIMIT_AS is off:
	 * say what GLib says when an allocation fails, and die as it does. */
	fprintf(stderr, "GLib-ERROR **: failed to allocate %u bytes\n",
		1u << 30);
	abort();
#else
	/* Never touched, so this costs address space, not memory: g_malloc
	 * fails at RLIMIT_AS and GLib aborts with its message. */
	for (;;)
		(void)g_malloc(64u << 20);
#endif
}

static void fault_crash(void)
{
	/* Default action, not a sanitizer's handler: a real signal death. */
	signal(SIGSEGV, SIG_DFL);
	raise(SIGSEGV);
}

static void fault_garbage(void)
{
	guint8 junk[4096];
	gsize i;

	for (i = 0; i < sizeof(junk); i++)
		junk[i] = g_random_int();
	junk[0] = (guint8)~REP_MAGIC;
	write_full(CHILD_FD, junk, sizeof(junk));
}

static void fault_exit(void)
{
	_exit(0);
}

/* A well-formed reply whose document is not. */
static void fault_baddoc(void)
{
	static const char body[] = "SDOC\2\4\0\0";	/* version 2, cut short */

	child_reply(0, body, sizeof(body) - 1);
}

/* A header announcing more than any document may hold. */
static void fault_huge(void)
{
	struct rep_header h = { .magic = REP_MAGIC, .len = G_MAXUINT64 };

	write_full(CHILD_FD, &h, sizeof(h));
}

/* ---- the escape payload: what a compromised parser would try ----
 *
 * "SCREENER-FAULT:escape\tSECRET\tVICTIM\tOUTDIR\tOWN" runs every
 * escape of SECURITY.md from inside the child and replies with an error
 * whose message lists "name=blocked" or "name=ESCAPED" for each: SECRET
 * is a file only root may read, VICTIM a file anyone may write, OUTDIR a
 * folder anyone may write in, OWN a file of the test's own uid. */

static bool escape_open(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC, 0644);

	if (fd < 0)
		return false;
	close(fd);
	return true;
}

/* Write through a shared mapping: RLIMIT_FSIZE does not see it. */
static bool escape_mmap(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);
	void *p;

	if (fd < 0)
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return false;
	((char *)p)[0] = '!';
	munmap(p, 4096);
	return true;
}

static bool escape_setns(pid_t parent)
{
	g_autofree char *path = g_strdup_printf("/proc/%d/ns/net",
						(int)parent);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return false;
	ok = setns(fd, CLONE_NEWNET) == 0;
	close(fd);
	return ok;
}

/* Any network at all: the host's loopback answers, even with a
 * refusal, only where the child shares the host's network. */
static bool escape_network(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(1),
				 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool ok;

	if (fd < 0)
		return false;
	ok = connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0 ||
	     errno == ECONNREFUSED;
	close(fd);
	return ok;
}

static bool escape_vm_read(pid_t parent)
{
	char buf[16];
	struct iovec local = { buf, sizeof(buf) };
	struct iovec remote = { (void *)&escape_vm_read, sizeof(buf) };

	return process_vm_readv(parent, &local, 1, &remote, 1, 0) > 0;
}

static bool escape_fork(void)
{
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return false;
	waitpid(pid, NULL, 0);
	return true;
}

/* The classic walk: a chroot below the root, then ".." past it. */
static bool escape_chroot(void)
{
	int i;

	(void)mkdir("walk", 0700);
	if (chroot("walk") < 0 && chroot(".") < 0)
		return false;
	for (i = 0; i < 64; i++)
		(void)chdir("..");
	return chroot(".") == 0 || access("/etc/passwd", F_OK) == 0;
}

static bool escape_rlimit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_max == RLIM_INFINITY)
		return false;
	rl.rlim_max++;
	return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

static void fault_escape_run(const guint8 *data, gsize len)
{
	g_autofree char *text = g_strndup((const char *)data, len);
	g_auto(GStrv) f = g_strsplit(text, "\t", 6);
	pid_t parent = getppid();
	GString *out = g_string_new("escape:");
	g_autofree char *planted = NULL;
	g_autofree char *moved = NULL;
	g_autofree char *mem = NULL;

	if (g_strv_length(f) != 5) {
		child_reply(SE_FAILED, "escape: bad request", 19);
		g_string_free(out, TRUE);
		return;
	}
	planted = g_build_filename(f[3], "planted", NULL);
	moved = g_strconcat(f[2], ".moved", NULL);
	mem = g_strdup_printf("/proc/%d/mem", (int)parent);
#define TRY(name, escaped) \
	g_string_append_printf(out, " %s=%s", name, \
			       (escaped) ? "ESCAPED" : "blocked")
	TRY("shadow", escape_open("/etc/shadow", O_RDONLY));
	TRY("secret", escape_open(f[1], O_RDONLY));
	TRY("own", escape_open(f[4], O_RDONLY));
	TRY("write", escape_open(f[2], O_WRONLY));
	TRY("create", escape_open(planted, O_WRONLY | O_CREAT));
	TRY("mmap", escape_mmap(f[2]));
	TRY("rename", rename(f[2], moved) == 0);
	TRY("unlink", unlink(f[2]) == 0);
	TRY("chmod", chmod(f[2], 0600) == 0);
	TRY("setns", escape_setns(parent));
	TRY("network", escape_network());
	TRY("mem", escape_open(mem, O_RDWR));
	TRY("ptrace", ptrace(PTRACE_ATTACH, parent, NULL, NULL) == 0);
	TRY("vmread", escape_vm_read(parent));
	TRY("kill", kill(parent, 0) == 0);
	TRY("killall", kill(-1, 0) == 0);
	TRY("fork", escape_fork());
	TRY("chroot", escape_chroot());
	TRY("umount", umount2("/", MNT_DETACH) == 0);
	TRY("rlimit", escape_rlimit());
#undef TRY
	child_reply(SE_FAILED, out->str, out->len);
	g_string_free(out, TRUE);
}

static const struct {
	const char *name;
	void (*fn)(void);
} faults[] = {
	{ "baddoc", fault_baddoc },
	{ "crash", fault_crash },
	{ "exit", fault_exit },
	{ "garbage", fault_garbage },
	{ "hang", fault_hang },
	{ "huge", fault_huge },
	{ "oom", fault_oom },
	{ "spin", fault_spin },
};

/* True when the document asked for a fault and the child misbehaved
 * without ending (garbage): no reply of ours must follow. */
static bool child_fault(const guint8 *data, gsize len)
{
	static const char prefix[] = "SCREENER-FAULT:";
	const gsize plen = sizeof(prefix) - 1;
	size_t i;

	if (len < plen || memcmp(data, prefix, plen) != 0)
		return false;
	if (len >= plen + 7 && memcmp(data + plen, "escape\t", 7) == 0) {
		fault_escape_run(data + plen, len - plen);
		return true;
	}
	for (i = 0; i < G_N_ELEMENTS(faults); i++) {
		gsize n = strlen(faults[i].name);

		if (len >= plen + n &&
		    memcmp(data + plen, faults[i].name, n) == 0) {
			faults[i].fn();
			return true;
		}
	}
	return false;
}
#endif

/* Reply with an extractor's or annotator's error (or a generic one). */
static bool child_reply_error(const GError *e, const char *fallback)
{
	const char *msg = e && e->message[0] ? e->message : fallback;
	gsize n = strlen(msg);

	if (n > MESSAGE_MAX) {
		n = MESSAGE_MAX;
		while (n > 0 && ((guchar)msg[n] & 0xC0) == 0x80)
			n--;
	}
	return child_reply(e && e->domain == SCREENER_ERROR ? e->code :
			   SE_FAILED, msg, n);
}

static bool child_extract(const guint8 *data, gsize len,
			  const struct caps *caps, bool raw)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(doc) d = extract_buffer(data, len, caps, raw, &e);
	g_autoptr(GByteArray) enc = NULL;

	if (!d)
		return child_reply_error(e, "extraction failed");
	enc = doc_encode(d);
	return child_reply(0, enc->data, enc->len);
}

static bool child_annotate(const guint8 *spec, gsize spec_len,
			   const guint8 *data, gsize len,
			   const struct caps *caps)
{
	g_autoptr(GError) e = NULL;
	g_autoptr(GBytes) out = NULL;
	gsize n;
	const guint8 *p;

#ifdef SCREENER_ASAN
	/* poppler 22.12 leaks each annotation it creates (the glib wrapper
	 * takes a second reference it never drops) and a little of each
	 * page it adds one to: not ours to report, and bounded, since
	 * children are replaced after MAX_DOCUMENTS requests. */
	__lsan_disable();
#endif
	out = annot_pdf_apply(data, len, spec, spec_len, caps, &e);
#ifdef SCREENER_ASAN
	__lsan_enable();
#endif
	if (!out)
		return child_reply_error(e, "annotation failed");
	p = g_bytes_get_data(out, &n);
	return child_reply(0, p, n);
}

/* annotator: this child was started jailed for annotation requests, and
 * serves nothing else (nor does an extraction child annotate). */
static bool child_serve_one(struct req_header *req, struct caps *caps,
			    bool annotator)
{
	g_autofree guint8 *spec = NULL;
	g_autofree guint8 *data = NULL;
	bool annotate = req->flags & FLAG_ANNOTATE;

	if (req->magic != REQ_MAGIC || req->caps_size != sizeof(*caps) ||
	    annotate != annotator || (!annotate && req->aux) ||
	    req->aux > SPEC_MAX ||
	    read_full(CHILD_FD, caps, sizeof(*caps)) != 1 ||
	    (caps->file_bytes && req->len > caps->file_bytes))
		return false;
	spec = g_malloc(MAX(req->aux, 1));
	if (req->aux && read_full(CHILD_FD, spec, req->aux) != 1)
		return false;
	data = g_malloc(MAX(req->len, 1));
	if (req->len && read_full(CHILD_FD, data, req->len) != 1)
		return false;
	child_arm_cpu(caps->cpu_seconds);
#ifdef SCREENER_FAULTS
	if (child_fault(data, req->len))
		return true;
#endif
	if (annotate)
		return child_annotate(spec, req->aux, data, req->len, caps);
	return child_extract(data, req->len, caps, req->flags & FLAG_RAW);
}

/* The "check" child: confined as an extraction child, it says which
 * layers it has, one line each: "N\t1|0\tdetail". */
static int child_check(void)
{
	GString *out = g_string_new(NULL);
	int i;
	bool ok;

	for (i = 0; i < CONFINE_N_LAYERS; i++)
		g_string_append_printf(out, "%d\t%d\t%s\n", i,
				       (confined.have >> i) & 1,
				       confined.detail[i]);
	ok = write_full(1, out->str, out->len);
	g_string_free(out, TRUE);
	return ok ? EXIT_OK : EXIT_FATAL;
}

int sandbox_child_main(int argc, char **argv)
{
	guint64 parent, mem, cpu, fsize;
	bool annotator, check;
	guint flags;

	if (argc != 8)
		return EXIT_USAGE;
	annotator = strcmp(argv[1], "annotate") == 0;
	check = strcmp(argv[1], "check") == 0;
	if (!annotator && !check && strcmp(argv[1], "extract") != 0)
		return EXIT_USAGE;
	parent = g_ascii_strtoull(argv[2], NULL, 10);
	mem = g_ascii_strtoull(argv[3], NULL, 10);
	cpu = g_ascii_strtoull(argv[4], NULL, 10);
	fsize = g_ascii_strtoull(argv[5], NULL, 10);
#ifdef SCREENER_FAULTS
	flags = (guint)g_ascii_strtoull(argv[7], NULL, 10) &
		(CONFINE_TEST_NO_USERNS | CONFINE_TEST_CHROOT);
#else
	flags = 0;
#endif
	child_harden((pid_t)parent, mem, cpu, annotator, fsize, argv[6],
		     flags);
	if (check)
		return child_check();
	/* Inside the jail, as each document's would have been: poppler's
	 * tables are built once for all the documents this child serves
	 * (a speed-up only, so a refusal changes nothing). */
	(void)extract_pdf_keep_ready();
	for (;;) {
		struct req_header req;
		struct caps caps;
		int r = read_full(CHILD_FD, &req, sizeof(req));

		if (r == 0) {
			/* The parent is done with us. */
			if (annot_iconv != (GIConv)-1)
				g_iconv_close(annot_iconv);
			ocr_shutdown();
			return EXIT_OK;
		}
		if (r < 0 || !child_serve_one(&req, &caps, annotator))
			return EXIT_FATAL;
	}
}

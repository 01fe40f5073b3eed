#ifndef YTQ_CHILD_SPAWN_H
#define YTQ_CHILD_SPAWN_H

// epoll and eventfd for `ChildOutputLoop`, which imports them from here.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/types.h>

/// pipe2(fds, O_CLOEXEC): 0, or -1 with errno.
int ytq_pipe_cloexec(int fds[2]);

/// Starts `path` with posix_spawn in a session of its own (so its process group is its pid),
/// stdin from /dev/null, stdout and stderr on the given descriptors, every other descriptor
/// closed, every signal at its default disposition and none blocked, in `cwd`.
/// Returns 0 and sets `*pid`, or an errno (ENOENT, EACCES, ENOEXEC: the program cannot run).
int ytq_spawn_child(const char *path, char *const argv[], char *const envp[], const char *cwd,
                    int stdout_fd, int stderr_fd, pid_t *pid);

/// A descriptor that becomes readable when the child `pid` exits (pidfd_open), or -1 with errno
/// (ENOSYS before Linux 5.3, or where a sandbox forbids it).
int ytq_pidfd_open(pid_t pid);

#endif

/* Linux system calls that glibc declares only under _GNU_SOURCE, which
   Swift's Glibc module does not set. */
#include <fcntl.h>

/* renameat2(2); with RENAME_EXCHANGE it swaps two paths in one step. */
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
static const unsigned int asyl_rename_exchange = 2;

/* inotify(7), which tells a watcher of the source tree what changed. */
#include <sys/inotify.h>

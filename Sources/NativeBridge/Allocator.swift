// Importing jemalloc links it into every program that uses NativeBridge, and
// a linked jemalloc serves every malloc of the process, libxml2's and
// libxslt's included: glibc's allocator spends half of a large book's
// transform time consolidating free lists (docs/architecture.md, "Memory").
import CJemalloc

// A deterministic parallel loop: work items are indexed, each writes only its own result
// slot, and the caller reduces the slots in index order, so results never depend on the
// number of threads (only the speed does).
#pragma once

#include <functional>

namespace dnne {

// Calls fn(item, worker) for item in [0, count) on `threads` workers (worker in
// [0, threads)); items are handed out one at a time so uneven costs balance. threads <= 1
// runs inline. Exceptions from fn are rethrown on the calling thread (the first one).
void parallel_for(int count, int threads, const std::function<void(int item, int worker)>& fn);

// std::thread::hardware_concurrency(), at least 1.
int default_thread_count();

}  // namespace dnne

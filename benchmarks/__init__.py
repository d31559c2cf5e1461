"""Speed benchmarks (``make bench``): not timed tests, a printed report."""

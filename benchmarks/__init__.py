"""Build benchmarks: how long a site build takes with the snippet runner, without it, and the naive way.

Run with ``python -m benchmarks`` (``make bench``). Every build happens in a copy of the checkout in a
temporary folder, so the real ``outputs/`` is never touched. The results go to
``snippets/about/build_performance/results.json``, which the page 빌드 성능 plots.
"""

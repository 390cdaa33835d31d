// One real server and one Chromium per test class; running the classes one after another keeps a 2-core machine
// (and the page timings) honest while the other test assemblies run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

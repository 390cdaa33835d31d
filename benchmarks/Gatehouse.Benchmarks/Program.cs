using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Gatehouse.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Gatehouse.Benchmarks.DecisionBenchmarks).Assembly).Run(args);

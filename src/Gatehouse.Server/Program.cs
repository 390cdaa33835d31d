using Gatehouse.Server.Cli;

// `gatehouse [serve|demo|scan|import] ...`: with no verb (or only options, as the test host passes) it serves.
return await GatehouseCommand.RunAsync(args);

/// <summary>The entry point, public so tests can host the server with WebApplicationFactory.</summary>
public partial class Program;

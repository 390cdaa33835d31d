using System.Threading.Channels;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>One open page listening to its organization's new events.</summary>
public sealed record DeskSubscription(Guid Id, OrganizationId Organization, Channel<AccessEvent> Channel);

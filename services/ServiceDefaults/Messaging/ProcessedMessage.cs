namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>A message whose effect is stored; its id is the MessageId (= the publisher's event id).</summary>
public sealed record ProcessedMessage(Guid Id, string MessageType, DateTimeOffset ProcessedAt);

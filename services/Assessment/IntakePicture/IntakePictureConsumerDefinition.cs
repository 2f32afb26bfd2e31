using MassTransit;

namespace RunRestore.Assessment.IntakePicture;

/// <summary>
/// One message at a time, in the order intake published them: a flag's Raised and Cleared, or a pain report and its
/// resolution, must not overtake each other. The picture document is also optimistic-concurrency checked.
/// </summary>
public sealed class IntakePictureConsumerDefinition : ConsumerDefinition<IntakePictureConsumers>
{
    public IntakePictureConsumerDefinition() => ConcurrentMessageLimit = 1;
}

namespace CrmPlatform.Messaging.Wakeups;

/// <summary>A background worker's signal that wants to hear of every committed transaction: what it waits for was invisible until then.</summary>
public interface ICommitListener
{
    void Committed();
}

namespace CrmPlatform.Profiles.Data;

public enum LifecycleStage
{
    Unspecified,
    Prospect,
    Customer,
    FormerCustomer,
}

namespace CarbonOps
{
    public enum CheckOutcome { Pass, Fail, Warning, Skipped, Error }

    public enum CheckSeverity { Info, Low, Medium, High, Critical }

    /// <summary>Whether a check looks at the machine once, or at each product home.</summary>
    public enum CheckScope { Host, Product }

    public enum ChangeStatus { Changed, AlreadyCompliant, WhatIf, Skipped, Failed }

    public enum RestoreStatus { Restored, Removed, AlreadyOriginal, WhatIf, Failed }

    /// <summary>What the host is for, as the guide's hardware list tells them apart.</summary>
    public enum HostProfile { PhysicalServer, VirtualMachine, CassandraNode }
}

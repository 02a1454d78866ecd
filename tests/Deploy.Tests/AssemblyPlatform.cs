using System.Runtime.Versioning;

// crm.sh and its stand-ins are shell scripts with Unix file modes: these tests run on Linux only.
[assembly: SupportedOSPlatform("linux")]

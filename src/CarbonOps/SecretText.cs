using System;
using System.Runtime.InteropServices;
using System.Security;

namespace CarbonOps
{
    /// <summary>SecureString in and out; the plain copies live only as long as the call that needs them.</summary>
    internal static class SecretText
    {
        public static string ToPlain(SecureString secure)
        {
            if (secure == null)
            {
                return null;
            }
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try
            {
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        public static SecureString FromPlain(string plain)
        {
            var secure = new SecureString();
            foreach (var c in plain ?? "")
            {
                secure.AppendChar(c);
            }
            secure.MakeReadOnly();
            return secure;
        }
    }
}

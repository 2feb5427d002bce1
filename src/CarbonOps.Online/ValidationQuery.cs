using System;
using System.Data.Common;
using CarbonOps.Host.Online;

namespace CarbonOps.Online
{
    /// <summary>Runs a datasource's validation query on an open connection, in a transaction that is always rolled back.</summary>
    internal static class ValidationQuery
    {
        /// <param name="begin">Starts the transaction the client's read-only way.</param>
        public static ProbeAnswer Run(DbConnection connection, Func<DbTransaction> begin, string query, string server)
        {
            if (query == null)
            {
                return ProbeAnswer.Ok($"logged in ({server}); no validationQuery to run");
            }
            using var transaction = begin();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = query;
            var answer = command.ExecuteScalar();
            transaction.Rollback();
            return ProbeAnswer.Ok($"logged in ({server}); {query} answered {answer}");
        }
    }
}

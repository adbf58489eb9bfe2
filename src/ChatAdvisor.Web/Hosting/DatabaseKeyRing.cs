using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// The key ring in the database. When the database holds no key yet and the keys folder does (a host that moved from
/// files to the database), those keys are copied in first, so cookies and the portal's encrypted authenticator secrets
/// stay readable.
/// </summary>
internal sealed partial class DatabaseKeyRing(IXmlRepository database, string folder, ILoggerFactory loggers) : IXmlRepository
{
    private readonly Lock _gate = new();
    private bool _checked;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var stored = database.GetAllElements();
        if (stored.Count > 0 || !Directory.Exists(folder))
        {
            return stored;
        }
        lock (_gate)
        {
            if (_checked)
            {
                return database.GetAllElements();
            }
            _checked = true;
            var files = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers).GetAllElements();
            foreach (var key in files)
            {
                database.StoreElement(key, "key-" + (key.Attribute("id")?.Value ?? Guid.NewGuid().ToString()));
            }
            if (files.Count > 0)
            {
                Imported(loggers.CreateLogger<DatabaseKeyRing>(), files.Count, folder);
            }
            return database.GetAllElements();
        }
    }

    public void StoreElement(XElement element, string friendlyName) => database.StoreElement(element, friendlyName);

    [LoggerMessage(6014, LogLevel.Information, "Copied {Count} Data Protection keys from {Folder} into the database")]
    private static partial void Imported(ILogger logger, int count, string folder);
}

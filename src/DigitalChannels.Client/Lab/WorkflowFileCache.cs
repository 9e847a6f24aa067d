using System;
using System.Collections.Concurrent;
using System.IO;
using DigitalChannels.Client.Connect.Flows;

namespace DigitalChannels.Client.Lab
{
    /// <summary>
    /// The flow files of one lab run, each read once: forty pods apply the same definition, and a flow export is up to a
    /// megabyte of hex text, so reading it per pod and per step multiplied the run's memory. A file that changes on
    /// disk (size or time) during the run is read again.
    /// </summary>
    public sealed class WorkflowFileCache
    {
        private readonly ConcurrentDictionary<string, Lazy<WorkflowFile>> _files = new ConcurrentDictionary<string, Lazy<WorkflowFile>>(StringComparer.Ordinal);

        public WorkflowFile Read(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) return WorkflowFile.Read(path); // the reader's own error
            var full = Path.GetFullPath(path);
            var info = new FileInfo(full);
            if (!info.Exists) return WorkflowFile.Read(full);
            var key = $"{full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
            // Lazy: pods asking at the same moment share one read; a failed read is not kept, so the next asks again.
            var lazy = _files.GetOrAdd(key, _ => new Lazy<WorkflowFile>(() => WorkflowFile.Read(full)));
            try
            {
                return lazy.Value;
            }
            catch
            {
                _files.TryRemove(key, out _);
                throw;
            }
        }
    }
}

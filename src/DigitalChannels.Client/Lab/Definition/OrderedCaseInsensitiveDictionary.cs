using System;
using System.Collections;
using System.Collections.Generic;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// A hashtable of a lab definition: keys compare case-insensitively, as in PowerShell, and enumerate in the order
    /// they were written, so that a definition is processed (and reported) in the author's order.
    /// Also a non-generic <see cref="IDictionary"/>, so that PowerShell shows it and dots into it like a hashtable.
    /// </summary>
    public sealed class OrderedCaseInsensitiveDictionary : IDictionary<string, object>, IReadOnlyDictionary<string, object>, IDictionary
    {
        private readonly List<KeyValuePair<string, object>> entries = new List<KeyValuePair<string, object>>();
        private readonly Dictionary<string, int> indexByKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public int Count => entries.Count;

        public bool IsReadOnly => false;

        public ICollection<string> Keys => entries.ConvertAll(e => e.Key);

        public ICollection<object> Values => entries.ConvertAll(e => e.Value);

        IEnumerable<string> IReadOnlyDictionary<string, object>.Keys => Keys;

        IEnumerable<object> IReadOnlyDictionary<string, object>.Values => Values;

        public object this[string key]
        {
            get => indexByKey.TryGetValue(key, out var index) ? entries[index].Value : throw new KeyNotFoundException($"The key '{key}' is not present.");
            set
            {
                if (indexByKey.TryGetValue(key, out var index))
                    entries[index] = new KeyValuePair<string, object>(entries[index].Key, value);
                else
                    Add(key, value);
            }
        }

        public void Add(string key, object value)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (indexByKey.ContainsKey(key)) throw new ArgumentException($"The key '{key}' is already present.", nameof(key));
            indexByKey.Add(key, entries.Count);
            entries.Add(new KeyValuePair<string, object>(key, value));
        }

        public bool ContainsKey(string key) => key != null && indexByKey.ContainsKey(key);

        public bool TryGetValue(string key, out object value)
        {
            if (key != null && indexByKey.TryGetValue(key, out var index))
            {
                value = entries[index].Value;
                return true;
            }
            value = null;
            return false;
        }

        public bool Remove(string key)
        {
            if (key == null || !indexByKey.TryGetValue(key, out var index)) return false;
            entries.RemoveAt(index);
            indexByKey.Remove(key);
            for (var i = index; i < entries.Count; i++) indexByKey[entries[i].Key] = i;
            return true;
        }

        public void Clear()
        {
            entries.Clear();
            indexByKey.Clear();
        }

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => entries.GetEnumerator();

        void ICollection<KeyValuePair<string, object>>.Add(KeyValuePair<string, object> item) => Add(item.Key, item.Value);

        bool ICollection<KeyValuePair<string, object>>.Contains(KeyValuePair<string, object> item) =>
            TryGetValue(item.Key, out var value) && Equals(value, item.Value);

        void ICollection<KeyValuePair<string, object>>.CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => entries.CopyTo(array, arrayIndex);

        bool ICollection<KeyValuePair<string, object>>.Remove(KeyValuePair<string, object> item) =>
            ((ICollection<KeyValuePair<string, object>>)this).Contains(item) && Remove(item.Key);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        // The non-generic view, for PowerShell.
        bool IDictionary.IsFixedSize => false;

        ICollection IDictionary.Keys => entries.ConvertAll(e => e.Key);

        ICollection IDictionary.Values => entries.ConvertAll(e => e.Value);

        bool ICollection.IsSynchronized => false;

        object ICollection.SyncRoot => this;

        object IDictionary.this[object key]
        {
            get => key is string text && TryGetValue(text, out var value) ? value : null;
            set => this[AsKey(key)] = value;
        }

        void IDictionary.Add(object key, object value) => Add(AsKey(key), value);

        bool IDictionary.Contains(object key) => key is string text && ContainsKey(text);

        void IDictionary.Remove(object key)
        {
            if (key is string text) Remove(text);
        }

        IDictionaryEnumerator IDictionary.GetEnumerator() => new Enumerator(entries.GetEnumerator());

        void ICollection.CopyTo(Array array, int index)
        {
            foreach (var entry in entries) array.SetValue(new DictionaryEntry(entry.Key, entry.Value), index++);
        }

        private static string AsKey(object key) =>
            key as string ?? throw new ArgumentException($"The keys of a lab definition are strings; '{key}' is a {key?.GetType().FullName ?? "null"}.", nameof(key));

        private sealed class Enumerator : IDictionaryEnumerator
        {
            private List<KeyValuePair<string, object>>.Enumerator inner;

            public Enumerator(List<KeyValuePair<string, object>>.Enumerator inner) => this.inner = inner;

            public DictionaryEntry Entry => new DictionaryEntry(inner.Current.Key, inner.Current.Value);

            public object Key => inner.Current.Key;

            public object Value => inner.Current.Value;

            public object Current => Entry;

            public bool MoveNext() => inner.MoveNext();

            public void Reset() => throw new NotSupportedException();
        }
    }
}

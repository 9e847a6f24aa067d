using System;
using System.Management.Automation;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// Lets an enum parameter take the words of the lab guide and the portal ('Full Access', 'Read Only', 'Task Routed',
    /// 'Agent Based', 'Live Chat'), as well as the enum names (FullAccess): <see cref="EnumWords"/> in the client library
    /// decides. Anything else passes through unchanged, so PowerShell's own error names the bad value and the valid ones.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EnumWordsAttribute : ArgumentTransformationAttribute
    {
        public EnumWordsAttribute(Type enumType)
        {
            if (enumType == null || !enumType.IsEnum) throw new ArgumentException("EnumWords needs an enum type.", nameof(enumType));
            EnumType = enumType;
        }

        public Type EnumType { get; }

        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = LabDefinitionArgument.Unwrap(inputData);
            if (value is string text) return EnumWords.TryParse(EnumType, text, out var parsed) ? parsed : inputData;
            if (value is object[] many)
            {
                var result = new object[many.Length];
                for (var i = 0; i < many.Length; i++)
                {
                    var item = LabDefinitionArgument.Unwrap(many[i]);
                    result[i] = item is string s && EnumWords.TryParse(EnumType, s, out var p) ? p : many[i];
                }
                return result;
            }
            return inputData;
        }
    }
}

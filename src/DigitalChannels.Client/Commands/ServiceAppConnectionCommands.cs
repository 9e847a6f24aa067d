using System;
using System.Threading.Tasks;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Commands
{
    /// <summary>What Connect-DigitalChannels -ServiceApplicationId was given.</summary>
    public sealed class ServiceAppConnectRequest
    {
        /// <summary>The administrator's connection whose token (with spark:applications_token) asks for the pair; the current one when null.</summary>
        public DigitalChannelsConnection Administrator { get; set; }

        /// <summary>Webex's application id of the service app (developer portal > the app).</summary>
        public string ApplicationId { get; set; }

        public string ClientId { get; set; }
        public string ClientSecret { get; set; }

        /// <summary>The organization the service app acts in (its Full Admin authorized the app there).</summary>
        public string OrganizationId { get; set; }

        /// <summary>The connection's name in the session; "serviceapp-ORG" when null, so the administrator's stays beside it.</summary>
        public string Name { get; set; }

        public bool PassThru { get; set; }
        public bool NotCurrent { get; set; }
    }

    /// <summary>
    /// Connects as a Webex Service App (a machine account, like an Azure service principal): an administrator's sign-in
    /// asks once for the app's token pair in the target organization; the connection then refreshes with the app's own
    /// client id and secret. The administrator's connection is left as it is, except that the new one becomes current.
    /// </summary>
    public static class ServiceAppConnectionCommands
    {
        public static async Task ConnectAsync(ICommandHost host, object runspace, ServiceAppConnectRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var administrator = request.Administrator ?? ConnectionRegistry.GetCurrent(runspace) ?? throw new NotConnectedException();
            var organizationId = DigitalChannelsConnection.PlainOrganizationId(request.OrganizationId?.Trim());
            if (string.IsNullOrWhiteSpace(organizationId)) throw new ArgumentException("The organization id the service app acts in is empty.", nameof(request));
            host.WriteVerbose($"Asking {administrator.Environment} for the token pair of service app '{request.ApplicationId}' in organization {organizationId}, as the administrator of {administrator}.");
            var tokens = await ServiceAppTokenSource.RequestTokensAsync(administrator.Pipeline, administrator.Environment, request.ApplicationId,
                request.ClientId, request.ClientSecret, organizationId, host.CancellationToken);

            var redactor = new SecretRedactor();
            redactor.Add(request.ClientSecret);
            var source = new ServiceAppTokenSource(administrator.Environment, request.ApplicationId, request.ClientId, request.ClientSecret, tokens, redactor);
            var options = new ConnectionOptions
            {
                Environment = administrator.Environment,
                OrganizationId = organizationId,
                ClientId = request.ClientId.Trim(),
                TokenSource = source,
                Redactor = redactor,
            };
            DigitalChannelsConnection connection;
            try
            {
                connection = await DigitalChannelsConnection.ConnectAsync(options, host.CancellationToken);
            }
            catch
            {
                source.Dispose();
                throw;
            }
            connection.Name = request.Name ?? "serviceapp-" + organizationId;
            // Known by its name like every connection: the administrator's stays connected under its own name.
            var replaced = !request.NotCurrent ? ConnectionRegistry.SetCurrent(runspace, connection)
                : request.Name != null ? ConnectionRegistry.Add(runspace, connection) : null;
            if (replaced != null && replaced != connection && !ReferenceEquals(replaced, administrator)) replaced.Dispose();
            host.WriteVerbose($"Connected to {connection} as service app '{request.ApplicationId}'; its refresh token lasts until {tokens.RefreshTokenExpiresOn:u}.");
            if (request.PassThru || request.NotCurrent) host.WriteObject(connection);
        }
    }
}

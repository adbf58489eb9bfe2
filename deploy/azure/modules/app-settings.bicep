// The web app's settings (environment variables Section__Key), written once everything they name exists. This
// replaces the whole set: a setting added by hand in the portal is removed by the next deployment.

@description('Name of the existing web app.')
param siteName string

@description('Setting names and string values; secrets are @Microsoft.KeyVault(SecretUri=...) references, never values.')
param settings object

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}

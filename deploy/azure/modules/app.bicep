// The App Service plan (Linux) and the web app with a system-assigned managed identity. The app settings are written
// afterwards by app-settings.bicep, once the resources they point to exist.

param location string

@description('Name of the App Service plan.')
param planName string

@description('Name of the web app; its default host name derives from it.')
param siteName string

@description('Plan SKU; Basic or higher runs several instances and Always On.')
param skuName string

@description('Number of instances of the plan (1: a single instance).')
@minValue(1)
@maxValue(30)
param instanceCount int

@description('Log Analytics workspace that receives the app\'s console, HTTP and platform logs.')
param workspaceId string

param tags object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // No affinity: every instance serves every conversation (Redis relays Direct Line activities between them).
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet ChatAdvisor.Web.dll'
      alwaysOn: true
      http20Enabled: true
      webSocketsEnabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health'
    }
  }
}

// Deployments sign in with Entra ID (az webapp deploy does); no publishing user names or passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// The newest GA version (2016-09-01) has another shape (a 'service' setting without workspaceId); this preview is the current one.
#disable-next-line use-recent-api-versions
resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-workspace'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
@description('Comma-separated addresses the app may connect from; the database and cache admit only these.')
output possibleOutboundIpAddresses string = site.properties.possibleOutboundIpAddresses

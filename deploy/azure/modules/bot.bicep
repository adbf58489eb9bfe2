// The Azure Bot (single-tenant Entra app registration) that sends Teams messages to the app's /api/messages, with the
// Microsoft Teams channel switched on.

@description('Resource name of the bot (its handle).')
param botName string

@description('Name shown in the Azure portal and in channels that use it.')
param displayName string

@description('https://<host>/api/messages')
param messagingEndpoint string

@description('Application (client) id of the bot\'s Entra app registration; the app\'s Bot__AppId.')
param appId string

@description('Tenant of that app registration; the app\'s Bot__TenantId.')
param tenantId string

@description('F0 (free) or S1; Teams is a standard channel, free in both.')
@allowed([
  'F0'
  'S1'
])
param skuName string

param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
    }
  }
}

output name string = bot.name
output messagingEndpoint string = bot.properties.endpoint

// ChatAdvisor on Azure: the web app on App Service (Linux, .NET 10) with a system-assigned managed identity, PostgreSQL,
// Azure Cache for Redis, Blob Storage, Key Vault, Azure OpenAI, an Azure Bot with the Teams channel, and Application
// Insights on a Log Analytics workspace. Deploy into a resource group:
//   az deployment group create -g <group> -f main.bicep -p main.bicepparam
// See README.md beside this file for the whole procedure.

targetScope = 'resourceGroup'

// ---- General ----

@description('Region of every regional resource (the bot is global).')
param location string = resourceGroup().location

@description('Prefix of the resource names (lower-case letters, digits and dashes); a hash of the resource group follows it.')
@minLength(3)
@maxLength(12)
param baseName string = 'chatadvisor'

@description('Tags put on every resource.')
param tags object = {
  application: 'ChatAdvisor'
}

// ---- App Service ----

@description('Number of App Service instances. 1 runs a single instance; more scale out, which works because the database (PostgreSQL, also holding the Data Protection key ring), Redis, files (Blob) and the Direct Line signing key are shared.')
@minValue(1)
@maxValue(30)
param instanceCount int = 1

@description('App Service plan SKU (Linux). Basic tiers allow up to 3 instances, Standard 10, Premium v3 30.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServicePlanSku string = 'P0v3'

@description('The agency\'s privacy contact, an email address or an https page (Site__PrivacyContact; required in Production).')
param privacyContact string

@description('Public host name when a custom domain is bound to the app (such as careers.example.com); empty: the app\'s default azurewebsites.net host name.')
param publicHostName string = ''

@description('Networks (CIDR) whose X-Forwarded-For and X-Forwarded-Proto the app believes. On App Service only the platform\'s front ends can reach the app, from internal addresses that are not published, hence every address by default; narrow this when a fixed proxy is in front. See README.md.')
param forwardedHeadersKnownNetworks array = [
  '0.0.0.0/0'
  '::/0'
]

@description('Proxy hops to unwrap in X-Forwarded-For: 1 for App Service alone, 2 with Front Door or Application Gateway in front.')
@minValue(1)
@maxValue(10)
param forwardedHeadersForwardLimit int = 1

@description('Name of a certificate in the vault that encrypts the Data Protection keys (DataProtection__KeyVaultCertificateName). Empty: the keys are kept unencrypted in the PostgreSQL database. Create the certificate before setting this (README.md).')
param dataProtectionCertificateName string = ''

// ---- Bot and Teams ----

@description('Application (client) id of the bot\'s single-tenant Entra app registration (Bot__AppId); also BOT_APP_ID of the Teams package.')
param botAppId string

@description('Tenant of the bot\'s app registration (Bot__TenantId).')
param botTenantId string = tenant().tenantId

@description('Client secret of the bot\'s app registration (Bot__AppPassword); kept in Key Vault.')
@secure()
param botAppPassword string

@description('Display name of the Azure Bot.')
param botDisplayName string = 'ChatAdvisor'

@description('Azure Bot SKU; Teams is a standard channel, free in F0 too.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Entra tenant ids whose Teams users may talk to the bot (Teams__AllowedTenants); default the deployment\'s own tenant.')
param teamsAllowedTenantIds array = [
  tenant().tenantId
]

@description('Base64 key of 32 bytes or more that signs Direct Line tokens, the same on every instance (DirectLine__SigningKey); kept in Key Vault. Make one with: openssl rand -base64 32')
@secure()
param directLineSigningKey string

// ---- Azure OpenAI ----

@description('Region of the Azure OpenAI account; pick one where the model and deployment type are offered.')
param openAiLocation string = location

@description('Chat model to deploy.')
param openAiModelName string = 'gpt-4.1-mini'

@description('Version of that model.')
param openAiModelVersion string = '2025-04-14'

@description('Name of the deployment, which the app calls as Llm__ChatModel.')
param openAiDeploymentName string = 'chat'

@description('Deployment type of the model.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
  'Standard'
])
param openAiDeploymentSkuName string = 'GlobalStandard'

@description('Capacity of the deployment in thousands of tokens per minute (subject to the subscription\'s quota).')
@minValue(1)
param openAiCapacity int = 10

// ---- PostgreSQL ----

@description('Administrator login of the PostgreSQL server, which the app uses.')
param postgresAdminLogin string = 'chatadvisor_admin'

@description('Administrator password of the PostgreSQL server; kept in Key Vault inside the connection string.')
@secure()
param postgresAdminPassword string

@description('PostgreSQL major version.')
@allowed([
  '16'
  '17'
])
param postgresVersion string = '16'

@description('PostgreSQL compute SKU.')
param postgresSkuName string = 'Standard_B1ms'

@description('Tier of postgresSkuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param postgresSkuTier string = 'Burstable'

@description('PostgreSQL storage in GiB.')
@minValue(32)
param postgresStorageSizeGB int = 32

// ---- Redis, Storage, monitoring ----

@description('Azure Cache for Redis SKU: Basic has no replica and no SLA; Standard for production.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param redisSkuName string = 'Basic'

@description('Cache size within the SKU (0 = C0, 250 MB).')
@minValue(0)
@maxValue(6)
param redisCapacity int = 0

@description('The Redis access key that the connection string in Key Vault holds; switch to rotate the other (README.md).')
@allowed([
  'primary'
  'secondary'
])
param redisAccessKeyInUse string = 'primary'

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

// ---- Names ----

var suffix = uniqueString(resourceGroup().id)
var prefix = toLower(baseName)
var names = {
  plan: '${prefix}-plan-${suffix}'
  site: '${prefix}-${suffix}'
  vault: take('kv-${prefix}-${suffix}', 24)
  storage: take('st${replace(prefix, '-', '')}${suffix}', 24)
  postgres: '${prefix}-pg-${suffix}'
  redis: '${prefix}-redis-${suffix}'
  openAi: '${prefix}-oai-${suffix}'
  bot: '${prefix}-bot-${suffix}'
  workspace: '${prefix}-logs-${suffix}'
  appInsights: '${prefix}-ai-${suffix}'
}
var databaseName = 'chatadvisor'
var containerName = 'chatadvisor'

// ---- Resources ----

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    location: location
    planName: names.plan
    siteName: names.site
    skuName: appServicePlanSku
    instanceCount: instanceCount
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: names.vault
    // The identity names its role assignments, so a re-created app gets new ones instead of a conflict; What-If
    // therefore cannot predict them before the app exists.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: app.outputs.principalId
    botAppPassword: botAppPassword
    directLineSigningKey: directLineSigningKey
    grantCertificateAccess: !empty(dataProtectionCertificateName)
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    location: openAiLocation
    accountName: names.openAi
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentSkuName
    capacity: openAiCapacity
    // The identity names its role assignments, so a re-created app gets new ones instead of a conflict; What-If
    // therefore cannot predict them before the app exists.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: app.outputs.principalId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: names.storage
    containerName: containerName
    skuName: storageSkuName
    // The identity names its role assignments, so a re-created app gets new ones instead of a conflict; What-If
    // therefore cannot predict them before the app exists.
    #disable-next-line what-if-short-circuiting
    appPrincipalId: app.outputs.principalId
    tags: tags
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    serverName: names.postgres
    databaseName: databaseName
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
    version: postgresVersion
    skuName: postgresSkuName
    skuTier: postgresSkuTier
    storageSizeGB: postgresStorageSizeGB
    vaultName: names.vault
    tags: tags
  }
  dependsOn: [
    vault
  ]
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    location: location
    cacheName: names.redis
    skuName: redisSkuName
    capacity: redisCapacity
    accessKeyInUse: redisAccessKeyInUse
    vaultName: names.vault
    tags: tags
  }
  dependsOn: [
    vault
  ]
}

module outboundAccess 'modules/outbound-access.bicep' = {
  name: 'outbound-access'
  params: {
    addresses: app.outputs.possibleOutboundIpAddresses
    postgresServerName: names.postgres
    redisCacheName: names.redis
  }
  dependsOn: [
    postgres
    redis
  ]
}

var host = empty(publicHostName) ? app.outputs.defaultHostName : publicHostName
var messagingEndpoint = 'https://${host}/api/messages'

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: names.bot
    displayName: botDisplayName
    messagingEndpoint: messagingEndpoint
    appId: botAppId
    tenantId: botTenantId
    skuName: botSku
    tags: tags
  }
}

// ---- The app's settings: the real option names of ChatAdvisor (Section__Key), secrets as Key Vault references ----

func keyVaultReference(secretUri string) string => '@Microsoft.KeyVault(SecretUri=${secretUri})'

var baseSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  // Only the app's own ForwardedHeaders__* settings decide which proxies are believed.
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'false'
  // The published output is deployed as it is; nothing is built on the server.
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  Site__PrivacyContact: privacyContact
  Site__PublicBaseUrl: 'https://${host}/'
  Database__Provider: 'Postgres'
  Database__ConnectionString: keyVaultReference(postgres.outputs.connectionStringUri)
  Redis__ConnectionString: keyVaultReference(redis.outputs.connectionStringUri)
  Cvs__Blob__ServiceUri: storage.outputs.blobEndpoint
  Cvs__Blob__ContainerName: storage.outputs.containerName
  DirectLine__SigningKey: keyVaultReference(vault.outputs.directLineSigningKeyUri)
  Bot__AppType: 'SingleTenant'
  Bot__AppId: botAppId
  Bot__TenantId: botTenantId
  Bot__AppPassword: keyVaultReference(vault.outputs.botCredentialUri)
  Llm__Provider: 'AzureOpenAI'
  Llm__Endpoint: openAi.outputs.endpoint
  Llm__ChatModel: openAi.outputs.deploymentName
  Llm__UseEntraId: 'true'
  // Per instance (local disk): instances never write the same cache file at once; rebuilt after a restart.
  Embeddings__CachePath: '/tmp/chatadvisor/embeddings'
  ForwardedHeaders__ForwardLimit: string(forwardedHeadersForwardLimit)
}

var forwardedNetworkSettings = toObject(
  range(0, length(forwardedHeadersKnownNetworks)),
  i => 'ForwardedHeaders__KnownNetworks__${i}',
  i => string(forwardedHeadersKnownNetworks[i])
)

var teamsTenantSettings = toObject(
  range(0, length(teamsAllowedTenantIds)),
  i => 'Teams__AllowedTenants__${i}',
  i => string(teamsAllowedTenantIds[i])
)

var dataProtectionSettings = empty(dataProtectionCertificateName)
  ? {}
  : {
      DataProtection__KeyVaultUri: vault.outputs.vaultUri
      DataProtection__KeyVaultCertificateName: dataProtectionCertificateName
    }

module appSettings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    siteName: names.site
    settings: union(baseSettings, forwardedNetworkSettings, teamsTenantSettings, dataProtectionSettings)
  }
  // The firewalls admit the app before it restarts with settings that make it connect.
  dependsOn: [
    outboundAccess
  ]
}

// ---- Outputs ----

@description('The app\'s public address.')
output appUrl string = 'https://${host}/'

@description('The Azure Bot\'s messaging endpoint.')
output botMessagingEndpoint string = bot.outputs.messagingEndpoint

@description('VALID_DOMAIN for deploy/teams/build-package.sh.')
output teamsValidDomain string = host

output webAppName string = app.outputs.name
output webAppPrincipalId string = app.outputs.principalId
output keyVaultName string = vault.outputs.name
output keyVaultUri string = vault.outputs.vaultUri
output botName string = bot.outputs.name
output openAiEndpoint string = openAi.outputs.endpoint
output openAiDeploymentName string = openAi.outputs.deploymentName
output postgresHostName string = postgres.outputs.hostName
output redisHostName string = redis.outputs.hostName
output blobEndpoint string = storage.outputs.blobEndpoint
output appInsightsName string = monitoring.outputs.appInsightsName

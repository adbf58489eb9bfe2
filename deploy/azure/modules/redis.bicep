// Azure Cache for Redis, reachable over TLS only (port 6380, TLS 1.2). The StackExchange.Redis configuration string,
// with one of the two access keys, goes into Key Vault as redis-connection-string; the firewall is opened to the web
// app's outbound addresses by outbound-access.bicep.

param location string

@description('Name of the cache; its host name is <name>.redis.cache.windows.net.')
param cacheName string

@description('Basic (no replica, no SLA), Standard or Premium.')
@allowed([
  'Basic'
  'Standard'
  'Premium'
])
param skuName string

@description('Size within the SKU: 0 to 6 for Basic and Standard (C0 to C6), 1 to 5 for Premium.')
@minValue(0)
@maxValue(6)
param capacity int

@description('Which access key the connection string holds; switch it to rotate the other one without downtime.')
@allowed([
  'primary'
  'secondary'
])
param accessKeyInUse string

@description('Vault that receives the connection string.')
param vaultName string

param tags object

resource cache 'Microsoft.Cache/redis@2024-11-01' = {
  name: cacheName
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuName == 'Premium' ? 'P' : 'C'
      capacity: capacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisVersion: '6'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

var keys = cache.listKeys()

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'redis-connection-string'
  properties: {
    value: '${cache.properties.hostName}:${cache.properties.sslPort},password=${accessKeyInUse == 'primary' ? keys.primaryKey : keys.secondaryKey},ssl=True,abortConnect=False'
    contentType: 'text/plain'
  }
}

output name string = cache.name
output hostName string = cache.properties.hostName
output connectionStringUri string = connectionString.properties.secretUri

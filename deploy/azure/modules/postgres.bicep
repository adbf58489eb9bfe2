// PostgreSQL Flexible Server with the chatadvisor database. TLS is required (the server's default); the firewall is
// opened to the web app's outbound addresses by outbound-access.bicep. The Npgsql connection string, with the admin
// password, goes into Key Vault as postgres-connection-string.

param location string

@description('Name of the server; its host name is <name>.postgres.database.azure.com.')
param serverName string

@description('Name of the database the app uses.')
param databaseName string

@description('Administrator login (not azure_superuser, admin, root, guest or public).')
param administratorLogin string

@description('Administrator password; also stored in Key Vault inside the connection string.')
@secure()
param administratorPassword string

@description('Major version of PostgreSQL.')
@allowed([
  '16'
  '17'
])
param version string

@description('Compute SKU, such as Standard_B1ms (Burstable) or Standard_D2ds_v5 (GeneralPurpose).')
param skuName string

@description('Tier of skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string

@description('Storage size in GiB.')
param storageSizeGB int

@description('Vault that receives the connection string.')
param vaultName string

param tags object

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

resource connectionString 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${server.properties.fullyQualifiedDomainName};Port=5432;Database=${database.name};Username=${administratorLogin};Password=${administratorPassword};SSL Mode=Require'
    contentType: 'text/plain'
  }
}

output name string = server.name
output hostName string = server.properties.fullyQualifiedDomainName
output connectionStringUri string = connectionString.properties.secretUri

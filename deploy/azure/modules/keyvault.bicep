// Key Vault in RBAC mode with the secrets that the deployment is given directly (the bot's client secret and the
// Direct Line signing key); the database and the cache write their own connection strings into it. The app's identity
// reads secrets (Key Vault Secrets User) and, when Data Protection uses a certificate here, certificates too.

param location string

@description('Name of the vault (3 to 24 letters, digits and dashes).')
param vaultName string

@description('Principal id of the web app\'s system-assigned identity.')
param appPrincipalId string

@description('The bot\'s Entra app client secret.')
@secure()
param botAppPassword string

@description('Base64 HMAC key (32 bytes or more) that signs Direct Line tokens on every instance.')
@secure()
param directLineSigningKey string

@description('Also grant Key Vault Certificate User, for DataProtection__KeyVaultCertificateName.')
param grantCertificateAccess bool

@description('Log Analytics workspace that receives the vault\'s audit events.')
param workspaceId string

param tags object

var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6' // Key Vault Secrets User
var certificateUserRoleId = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba' // Key Vault Certificate User

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2026-05-15' = {
  parent: vault
  name: 'directline-signing-key'
  properties: {
    value: directLineSigningKey
    contentType: 'text/plain'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, secretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource certificateUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantCertificateAccess) {
  name: guid(vault.id, appPrincipalId, certificateUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificateUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The newest GA version (2016-09-01) has another shape (a 'service' setting without workspaceId); this preview is the current one.
#disable-next-line use-recent-api-versions
resource vaultAudit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-workspace'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
// Secret URIs without a version: App Service resolves the latest version, so a rotated secret needs no redeployment.
output botCredentialUri string = botPasswordSecret.properties.secretUri
output directLineSigningKeyUri string = signingKeySecret.properties.secretUri

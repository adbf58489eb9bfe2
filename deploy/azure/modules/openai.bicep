// Azure OpenAI: a Cognitive Services account of kind OpenAI with one chat model deployment. Keys are switched off; the
// app signs in with its managed identity, which gets Cognitive Services OpenAI User on the account.

param location string

@description('Name of the account; also its custom subdomain (required for Entra ID sign-in).')
param accountName string

@description('Name of the chat deployment; the app\'s Llm__ChatModel.')
param deploymentName string

@description('Model name, such as gpt-4.1-mini.')
param modelName string

@description('Model version, such as 2025-04-14.')
param modelVersion string

@description('Deployment type: GlobalStandard, DataZoneStandard or Standard (regional).')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
  'Standard'
])
param deploymentSkuName string

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
param capacity int

@description('Principal id of the web app\'s system-assigned identity.')
param appPrincipalId string

param tags object

var openAiUserRoleId = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd' // Cognitive Services OpenAI User

resource account 'Microsoft.CognitiveServices/accounts@2026-09-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: accountName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2026-09-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'NoAutoUpgrade'
  }
}

resource openAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, appPrincipalId, openAiUserRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAiUserRoleId)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output endpoint string = account.properties.endpoint
output deploymentName string = chat.name

// Example values for main.bicep. Copy this file, change the values, and deploy with
//   az deployment group create -g <group> -f main.bicep -p main.bicepparam
// The three secrets are read from environment variables when the file is built, so none of them is ever written here;
// building fails while one is unset. README.md says how to make each.
using './main.bicep'

param baseName = 'chatadvisor'
param instanceCount = 1
param appServicePlanSku = 'P0v3'
param privacyContact = 'privacy@your-agency.example'

// The single-tenant Entra app registration of the bot (README.md, step 2). A placeholder id: replace it.
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('CHATADVISOR_BOT_APP_PASSWORD')

// openssl rand -base64 32
param directLineSigningKey = readEnvironmentVariable('CHATADVISOR_DIRECTLINE_SIGNING_KEY')

param postgresAdminLogin = 'chatadvisor_admin'
param postgresAdminPassword = readEnvironmentVariable('CHATADVISOR_POSTGRES_ADMIN_PASSWORD')

param openAiModelName = 'gpt-4.1-mini'
param openAiModelVersion = '2025-04-14'
param openAiDeploymentSkuName = 'GlobalStandard'
param openAiCapacity = 10

param redisSkuName = 'Basic'
param redisCapacity = 0

param tags = {
  application: 'ChatAdvisor'
  environment: 'example'
}

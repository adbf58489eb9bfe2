// Opens the PostgreSQL and Redis firewalls to the web app's possible outbound addresses only. A module of its own
// because those addresses are known only once the app exists, and a loop in the calling file could not count them.

@description('Comma-separated IPv4 addresses, as in the web app\'s possibleOutboundIpAddresses.')
param addresses string

param postgresServerName string

param redisCacheName string

var uniqueAddresses = union(split(addresses, ','), [])

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' existing = {
  name: postgresServerName
}

resource cache 'Microsoft.Cache/redis@2024-11-01' existing = {
  name: redisCacheName
}

// One at a time: the server refuses concurrent changes to its firewall.
@batchSize(1)
resource postgresRules 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01' = [
  for (address, i) in uniqueAddresses: {
    parent: server
    name: 'app-outbound-${i}'
    properties: {
      startIpAddress: address
      endIpAddress: address
    }
  }
]

@batchSize(1)
resource redisRules 'Microsoft.Cache/redis/firewallRules@2024-11-01' = [
  for (address, i) in uniqueAddresses: {
    parent: cache
    name: 'appoutbound${i}'
    properties: {
      startIP: address
      endIP: address
    }
  }
]

output ruleCount int = length(uniqueAddresses)

#!/usr/bin/env bash
# Initiates the replica set once and creates the hub's least-privilege database user.
set -euo pipefail
until mongosh --quiet --host mongo1 -u root -p "$MONGO_ROOT_PASSWORD" --eval 'db.adminCommand({ping:1})' >/dev/null 2>&1; do sleep 2; done
mongosh --quiet --host mongo1 -u root -p "$MONGO_ROOT_PASSWORD" <<JS
try { rs.status() } catch (e) {
  rs.initiate({_id: "rs0", members: [
    {_id: 0, host: "mongo1:27017"}, {_id: 1, host: "mongo2:27017"}, {_id: 2, host: "mongo3:27017"}]})
}
while (!db.hello().isWritablePrimary) { sleep(1000) }
const hub = db.getSiblingDB("macehub")
if (!hub.getUser("hub")) {
  hub.createUser({user: "hub", pwd: "$MONGO_HUB_PASSWORD", roles: [{role: "readWrite", db: "macehub"}]})
}
JS

// The audit log as a hash chain: each row carries the hash of the row before
// it and its own, over all its fields and its id; audit_head keeps the last
// hash and the number of rows. A changed row breaks its own hash, a removed
// or reordered one the link of the next, a removed last row the head.
// Appends happen inside the caller's write transaction (BEGIN IMMEDIATE), so
// an entry is stored exactly when the change it records is.
#pragma once

#include "beslut/accounts.h"
#include "sqlite_util.h"

namespace beslut::detail {

// Appends `entry` (its entity_id as given) in the caller's transaction; the new row's id.
Id appendAudit(Session& s, const AuditEntry& entry);

// Chains the rows written before the chain existed, once: only while the log
// has no head yet (never again, or blanking hashes would re-seal a changed log).
void sealAuditLog(Session& s);

// Walks the whole log from its first row.
AuditVerification verifyAuditLog(Session& s);

}  // namespace beslut::detail

// The audit log, written by the use cases themselves: every change a person
// makes (import, correction, publication, follow-up, decision, user
// administration) records who, what and the before/after read from the store,
// in one shape whatever face (API, portal, CLI) asked for it.
#pragma once

#include <string>

#include "beslut/accounts.h"

namespace beslut {

// Records a change by `who`; a failure to record is logged, not fatal (the change is made).
void recordChange(AccountStore& accounts, const Principal& who, const std::string& action, const std::string& entity,
                  Id entity_id, const std::string& before, const std::string& after);

// The person at the server's console (the `beslut` CLI): an administrator
// whose name in the audit log is "cli:" + their login name.
Principal consoleOperator(const std::string& login);

}  // namespace beslut

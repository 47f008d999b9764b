// Administering users, for the admin page and the CLI alike: only
// administrators add users, grant roles and set passwords; every change is in
// the audit log.
#pragma once

#include <string>

#include "beslut/accounts.h"
#include "beslut/status.h"

namespace beslut {

// A reader or secretary role needs its body; an administrator's has none.
// kInvalidArgument (in Swedish) otherwise. Returns the grant as stored.
Result<Grant> checkedGrant(Role role, const std::string& organization);

// "secretary i Regionstyrelsen", "administrator".
std::string describeGrant(const Grant& grant);

class UserAdmin {
 public:
  explicit UserAdmin(AccountStore& accounts, PasswordCost cost = {}) : accounts_(accounts), cost_(cost) {}

  Result<Id> addUser(const Principal& who, const std::string& name, const std::string& password, const Grant& grant);
  Status grant(const Principal& who, const std::string& name, const Grant& grant);
  // Ends the user's sessions and API tokens.
  Status setPassword(const Principal& who, const std::string& name, const std::string& password);

 private:
  AccountStore& accounts_;
  PasswordCost cost_;
};

}  // namespace beslut

#include "beslut/user_admin.h"

#include "beslut/audit.h"

namespace beslut {

namespace {

Status onlyAdministrators(const Principal& who) {
  return who.administrator() ? Status::okStatus()
                             : Status::permissionDenied("Bara administratörer hanterar användare.");
}

std::string grantsOf(const AccountStore& accounts, const std::string& name) {
  auto user = accounts.userByName(name);
  if (!user.ok()) return "";
  std::string out;
  for (const auto& g : user->grants) out += (out.empty() ? "" : ", ") + describeGrant(g);
  return out;
}

}  // namespace

Result<Grant> checkedGrant(Role role, const std::string& organization) {
  if (role == Role::kAdministrator) return Grant{role, ""};
  if (organization.empty()) return Status::invalidArgument("Ange organet för rollen.");
  return Grant{role, organization};
}

std::string describeGrant(const Grant& g) {
  return std::string(roleName(g.role)) + (g.organization.empty() ? "" : " i " + g.organization);
}

Result<Id> UserAdmin::addUser(const Principal& who, const std::string& name, const std::string& password,
                              const Grant& grant) {
  if (Status st = onlyAdministrators(who); !st.ok()) return st;
  if (Status st = checkUserName(name); !st.ok()) return st;
  if (Status st = checkPasswordRules(password); !st.ok()) return st;
  auto checked = checkedGrant(grant.role, grant.organization);
  if (!checked.ok()) return checked.status();
  auto hash = hashPassword(password, cost_);
  if (!hash.ok()) return hash.status();
  auto id = accounts_.addUser(name, hash.value(), checked.value());
  if (!id.ok()) return id.status();
  recordChange(accounts_, who, "user.add", "user", id.value(), "", name + ": " + grantsOf(accounts_, name));
  return id;
}

Status UserAdmin::grant(const Principal& who, const std::string& name, const Grant& grant) {
  if (Status st = onlyAdministrators(who); !st.ok()) return st;
  auto checked = checkedGrant(grant.role, grant.organization);
  if (!checked.ok()) return checked.status();
  auto user = accounts_.userByName(name);
  if (!user.ok()) return user.status();
  const std::string before = grantsOf(accounts_, name);
  if (Status st = accounts_.addGrant(name, checked.value()); !st.ok()) return st;
  recordChange(accounts_, who, "user.grant", "user", user->id, name + ": " + before,
               name + ": " + grantsOf(accounts_, name));
  return Status::okStatus();
}

Status UserAdmin::setPassword(const Principal& who, const std::string& name, const std::string& password) {
  if (Status st = onlyAdministrators(who); !st.ok()) return st;
  auto user = accounts_.userByName(name);
  if (!user.ok()) return user.status();
  if (Status st = checkPasswordRules(password); !st.ok()) return st;
  auto hash = hashPassword(password, cost_);
  if (!hash.ok()) return hash.status();
  if (Status st = accounts_.setPasswordHash(name, hash.value()); !st.ok()) return st;
  recordChange(accounts_, who, "user.passwd", "user", user->id, "", name);  // never the hash
  return Status::okStatus();
}

}  // namespace beslut

#include "beslut/audit.h"

#include <Poco/Logger.h>

namespace beslut {

void recordChange(AccountStore& accounts, const Principal& who, const std::string& action, const std::string& entity,
                  Id entity_id, const std::string& before, const std::string& after) {
  Status st = accounts.audit({0, "", who.name, action, entity, entity_id, before, after});
  if (!st.ok()) Poco::Logger::get("beslut.audit").error("could not record " + action + ": " + st.toString());
}

Principal consoleOperator(const std::string& login) {
  Principal p;
  p.name = "cli:" + (login.empty() ? std::string("?") : login);
  p.grants = {{Role::kAdministrator, ""}};
  return p;
}

}  // namespace beslut

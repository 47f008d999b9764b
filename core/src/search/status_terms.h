// How an assignment's status is indexed and searched. "Overdue" depends on the
// day of the search, not of indexing: a pending assignment (open or in
// progress) is indexed with its due date ("open@2019-10-31"), and the status a
// term stands for is decided on the day asked, by the one rule (statusOn).
// Internal to core.
#pragma once

#include <lucene++/LuceneHeaders.h>

#include <string>

#include "beslut/model.h"

namespace beslut::detail {

// The term of the "status" field for one assignment (as it stands: merged with its thread).
std::string statusTerm(const Assignment& assignment);

// The status a term stands for on `today` (YYYY-MM-DD).
AssignmentStatus statusOfTerm(const std::string& term, const std::string& today);

// Passages with an assignment of this status on `today`; null when `status` is no status name.
Lucene::QueryPtr statusQuery(const std::string& status, const std::string& today);

}  // namespace beslut::detail

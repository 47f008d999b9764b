#include "beslut/visibility.h"

#include <algorithm>

namespace beslut {

namespace {
bool published(const Document& d) { return d.publication_state == PublicationState::kPublished; }
}  // namespace

bool itemVisibleToPublic(PublicationState publication_state, const Item& item) {
  return item.is_public && (publication_state == PublicationState::kPublished || item.adjusted_immediately);
}

bool wholeDocumentPublic(const Document& d) {
  return published(d) && std::all_of(d.items.begin(), d.items.end(), [](const Item& i) { return i.is_public; });
}

// A document-level strategy link is read from all its items, and its
// explanation quotes the strongest: with items hidden, it is kept only where a
// visible item links to the same area, and explained by that item alone (a
// person's confirmation stays, without the plugin's quote).
// REQUIRES: d.items and the item links are already the visible ones.
void publicDocumentLinks(Document& d) {
  std::vector<Link> out;
  for (auto& l : d.links) {
    if (l.object_type != "document") {
      out.push_back(std::move(l));
      continue;
    }
    const Link* best = nullptr;
    for (const auto& other : d.links) {
      if (other.object_type == "item" && other.scheme == l.scheme && other.code == l.code &&
          (best == nullptr || other.score > best->score)) {
        best = &other;
      }
    }
    if (best != nullptr && best->item_index < d.items.size()) {
      const Item& item = d.items[best->item_index];
      l.score = std::min(l.score, best->score);
      l.explanation = "i de offentliga delarna; starkast " + (item.number.empty() ? "" : "§ " + item.number + " ") +
                      item.title + ": " + best->explanation;
      out.push_back(std::move(l));
    } else if (!l.confirmed_by.empty()) {
      l.explanation = "Bekräftad av " + l.confirmed_by + ".";
      out.push_back(std::move(l));
    }
  }
  d.links = std::move(out);
}

bool redactForPublic(Document& d) {
  auto visible = [&](const Item& i) { return itemVisibleToPublic(d.publication_state, i); };
  if (!published(d) && std::none_of(d.items.begin(), d.items.end(), visible)) return false;
  const bool whole = published(d);
  std::vector<std::size_t> new_index(d.items.size(), SIZE_MAX);
  std::vector<Item> kept;
  for (std::size_t i = 0; i < d.items.size(); ++i) {
    if (!visible(d.items[i])) continue;
    new_index[i] = kept.size();
    kept.push_back(std::move(d.items[i]));
  }
  const bool some_hidden = kept.size() < d.items.size();
  d.items = std::move(kept);
  std::vector<Link> links;
  for (auto& l : d.links) {
    if (l.object_type == "document") {
      links.push_back(std::move(l));
    } else if (l.item_index < new_index.size() && new_index[l.item_index] != SIZE_MAX) {
      l.item_index = new_index[l.item_index];
      links.push_back(std::move(l));
    }
  }
  d.links = std::move(links);
  if (some_hidden) publicDocumentLinks(d);
  if (!whole) {
    // Minutes not yet adjusted: only the items released at once, nothing of the rest.
    d.attendees.clear();
    d.chair.clear();
    d.secretary.clear();
    d.adjusters.clear();
    d.commitments.clear();
    d.evidence.clear();
    d.original = {};
    d.links.erase(std::remove_if(d.links.begin(), d.links.end(),
                                 [](const Link& l) { return l.object_type == "document"; }),
                  d.links.end());
  }
  return true;
}

bool redactFor(const Principal& p, Document& d) { return p.canRead(d.organization) || redactForPublic(d); }

bool canSee(const Principal& p, const DocumentSummary& d) {
  return d.publication_state == PublicationState::kPublished || p.canRead(d.organization);
}

bool canSee(const Principal& p, const Passage& passage) {
  return p.canRead(passage.document.organization) ||
         itemVisibleToPublic(passage.document.publication_state, passage.item);
}

bool canSee(const Principal& p, const AssignmentRecord& r) { return r.is_public || p.canRead(r.organization); }

bool canSee(const Principal& p, const ReportBack& r) { return r.is_public || p.canRead(r.organization); }

bool canSee(const Principal& p, const SavedSearch& s) { return !p.anonymous() && p.user_id == s.owner_id; }

std::vector<AssignmentRecord> visibleOnly(const Principal& p, std::vector<AssignmentRecord> all) {
  all.erase(std::remove_if(all.begin(), all.end(), [&](const AssignmentRecord& r) { return !canSee(p, r); }),
            all.end());
  return all;
}

Status mayNotEdit(const std::string& organization) {
  return Status::permissionDenied(organization.empty()
                                      ? "Du har inte behörighet att ändra det här."
                                      : "Du har inte behörighet att ändra handlingar från " + organization + ".");
}

Status mayNotRead() { return Status::permissionDenied("Du har inte behörighet att se det här."); }

Status documentMissing(Id id) { return Status::notFound("Dokumentet " + std::to_string(id) + " finns inte."); }

void restrictToVisible(const Principal& p, SearchRequest& request) {
  request.public_only = !p.administrator();
  request.visible_organizations = request.public_only ? p.readableOrganizations() : std::vector<std::string>{};
}

}  // namespace beslut

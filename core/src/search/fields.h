// Every field of the search index, in one place. One Lucene++ document per
// passage (an item, §, or a section). Internal to core/src/search.
#pragma once

namespace beslut::detail::field {

// Stored: the ids that lead back to the store.
inline constexpr const wchar_t* kItemId = L"item_id";
inline constexpr const wchar_t* kDocumentId = L"document_id";
// Keywords (not analysed): filters, facets and sort keys.
inline constexpr const wchar_t* kDocOrder = L"doc_order";    // the document's id, zero-padded: import order
inline constexpr const wchar_t* kItemOrder = L"item_order";  // the passage's position in its document
inline constexpr const wchar_t* kKind = L"kind";
inline constexpr const wchar_t* kYear = L"year";
inline constexpr const wchar_t* kDate = L"date";
inline constexpr const wchar_t* kOrg = L"org";
inline constexpr const wchar_t* kPublic = L"public";  // "true" when the item is public
inline constexpr const wchar_t* kState = L"state";    // the publication state that decides who sees it
inline constexpr const wchar_t* kPerson = L"person";
inline constexpr const wchar_t* kArea = L"area";
inline constexpr const wchar_t* kStatus = L"status";  // see status_terms.h
// Analysed for Swedish.
inline constexpr const wchar_t* kOrganization = L"organization";
inline constexpr const wchar_t* kTitle = L"title";
inline constexpr const wchar_t* kBody = L"body";
inline constexpr const wchar_t* kParts = L"parts";  // parts of compounds (with a decompounder)
// The commit's user data: the last change-log sequence number applied.
inline constexpr const wchar_t* kLastSeq = L"last_seq";

}  // namespace beslut::detail::field

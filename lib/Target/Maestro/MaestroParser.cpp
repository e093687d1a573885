//===- MaestroParser.cpp - Parse MAESTRO .m files -------------------------===//
//
// A small recursive-descent parser. Every loop consumes a token or stops at
// an error, so no input can make it hang; every error names where it is.
//
//===----------------------------------------------------------------------===//

#include "accel/Target/Maestro/MaestroParser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir::accel;
using namespace mlir::accel::maestro;
using llvm::SMLoc;
using llvm::StringRef;

const DimEntry *Layer::findDim(StringRef dimName) const {
  for (const DimEntry &entry : dims)
    if (entry.name == dimName)
      return &entry;
  return nullptr;
}

namespace {

//===----------------------------------------------------------------------===//
// Lexer
//===----------------------------------------------------------------------===//

enum class Tok {
  Eof,
  Ident,
  Number,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Semicolon,
  Colon,
  Error
};

struct Token {
  Tok kind = Tok::Eof;
  StringRef text;
  SMLoc loc() const { return SMLoc::getFromPointer(text.data()); }
  bool is(Tok k) const { return kind == k; }
  bool isKeyword(StringRef word) const {
    return kind == Tok::Ident && text == word;
  }
};

class Lexer {
public:
  explicit Lexer(StringRef buffer) : cur(buffer.begin()), end(buffer.end()) {
    // Editors on some systems start UTF-8 files with a byte order mark.
    if (buffer.starts_with("\xEF\xBB\xBF"))
      cur += 3;
  }

  Token next() {
    skipSpaceAndComments();
    if (!errorText.empty())
      return make(Tok::Error, cur, cur + 1);
    if (cur == end)
      return make(Tok::Eof, cur, cur);
    const char *start = cur;
    char c = *cur;
    if (isNameStart(c)) {
      while (cur != end && isNameChar(*cur))
        ++cur;
      if (cur != end && *cur == '\'') // Y', X'
        ++cur;
      auto *nameBegin = reinterpret_cast<const llvm::UTF8 *>(start);
      if (!llvm::isLegalUTF8String(&nameBegin,
                                   reinterpret_cast<const llvm::UTF8 *>(cur)))
        return fail(start, "a name that is not valid UTF-8");
      return make(Tok::Ident, start, cur);
    }
    if (llvm::isDigit(c) ||
        (c == '-' && cur + 1 != end && llvm::isDigit(cur[1]))) {
      ++cur;
      while (cur != end && llvm::isDigit(*cur))
        ++cur;
      // `0x10`, `3.5`, `64KB`: not a decimal integer, whatever its prefix.
      if (cur != end && (isNameChar(*cur) && *cur != '-')) {
        while (cur != end && isNameChar(*cur) && *cur != '-')
          ++cur;
        return fail(start,
                    llvm::formatv("'{0}' is not a decimal integer (MAESTRO "
                                  "sizes are written in decimal digits)",
                                  StringRef(start, cur - start)));
      }
      return make(Tok::Number, start, cur);
    }
    ++cur;
    switch (c) {
    case '{':
      return make(Tok::LBrace, start, cur);
    case '}':
      return make(Tok::RBrace, start, cur);
    case '(':
      return make(Tok::LParen, start, cur);
    case ')':
      return make(Tok::RParen, start, cur);
    case ',':
      return make(Tok::Comma, start, cur);
    case ';':
      return make(Tok::Semicolon, start, cur);
    case ':':
      return make(Tok::Colon, start, cur);
    default:
      break;
    }
    if (llvm::isPrint(c))
      errorText = llvm::formatv("unexpected character '{0}'", c).str();
    else
      errorText = llvm::formatv("unexpected byte 0x{0:x-2}: not a text file?",
                                static_cast<unsigned char>(c))
                      .str();
    cur = start;
    return make(Tok::Error, start, start + 1);
  }

  /// Set when the last token is an Error.
  std::string errorText;

private:
  // Names in shipped files include '.' and '-' (torchvision.models.x,
  // Conv2d-1); bytes >= 0x80 let UTF-8 names through (checked whole).
  static bool isNameStart(char c) {
    return llvm::isAlpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
  }
  static bool isNameChar(char c) {
    return isNameStart(c) || llvm::isDigit(c) || c == '.' || c == '-';
  }
  Token fail(const char *at, const llvm::Twine &message) {
    errorText = message.str();
    cur = at;
    return make(Tok::Error, at, at + 1);
  }

  Token make(Tok kind, const char *b, const char *e) {
    return Token{kind, StringRef(b, e - b)};
  }

  void skipSpaceAndComments() {
    while (cur != end) {
      char c = *cur;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
          c == '\v') {
        ++cur;
      } else if (c == '/' && cur + 1 != end && cur[1] == '/') {
        while (cur != end && *cur != '\n')
          ++cur;
      } else if (c == '/' && cur + 1 != end && cur[1] == '*') {
        const char *open = cur;
        cur += 2;
        while (cur + 1 < end && !(cur[0] == '*' && cur[1] == '/'))
          ++cur;
        if (cur + 1 >= end) {
          cur = open;
          errorText = "unterminated /* comment";
          return;
        }
        cur += 2;
      } else {
        return;
      }
    }
  }

  const char *cur;
  const char *end;
};

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

class Parser {
public:
  Parser(StringRef buffer, DiagnosticFn diag) : lexer(buffer), diag(diag) {
    consume();
  }

  std::optional<File> parseNetworkFile();
  std::optional<HardwareFile> parseHardwareFile();

private:
  void consume() { tok = lexer.next(); }

  bool error(SMLoc loc, const llvm::Twine &msg) {
    diag(loc, msg, /*isError=*/true);
    return false;
  }
  bool error(const llvm::Twine &msg) {
    if (tok.is(Tok::Error))
      return error(tok.loc(), lexer.errorText);
    return error(tok.loc(), msg);
  }
  static std::string describe(const Token &t) {
    switch (t.kind) {
    case Tok::Eof:
      return "end of file";
    case Tok::Error:
      return "an invalid character";
    default:
      return ("'" + t.text + "'").str();
    }
  }

  bool expect(Tok kind, StringRef spelling, StringRef context) {
    if (!tok.is(kind))
      return error(llvm::formatv("expected '{0}' {1}, found {2}", spelling,
                                 context, describe(tok)));
    consume();
    return true;
  }
  bool consumeIf(Tok kind) {
    if (!tok.is(kind))
      return false;
    consume();
    return true;
  }
  bool parseIdent(std::string &out, StringRef what) {
    if (!tok.is(Tok::Ident))
      return error(
          llvm::formatv("expected {0}, found {1}", what, describe(tok)));
    out = tok.text.str();
    consume();
    return true;
  }
  /// Opens a `{ ... }` block; `closeBlock` reports one never closed.
  bool openBlock(StringRef keyword, SMLoc &openLoc) {
    openLoc = tok.loc();
    return expect(Tok::LBrace, "{",
                  ("to open the " + keyword + " block").str());
  }
  bool atBlockEnd(StringRef keyword, SMLoc openLoc) {
    if (tok.is(Tok::RBrace)) {
      consume();
      return true;
    }
    if (tok.is(Tok::Eof)) {
      unterminated = true;
      error(openLoc, llvm::formatv("the {0} block opened here is never closed "
                                   "(reached the end of the file)",
                                   keyword));
    }
    return false;
  }

  bool parseNumber(Number &out, StringRef what);
  bool parseValue(Number &out, StringRef what);
  bool parseSize(Size &out, StringRef what);
  bool parseConstant();
  bool parseNetwork(File &file);
  bool parseLayer(Network &network);
  bool parseEntries(StringRef keyword,
                    llvm::SmallVectorImpl<DimEntry> &entries);
  bool parseDataflow(Layer &layer);
  bool parseDirective(Layer &layer);

  Lexer lexer;
  DiagnosticFn diag;
  Token tok;
  bool unterminated = false;
  llvm::StringMap<int64_t> constants;
};

bool Parser::parseNumber(Number &out, StringRef what) {
  out.loc = tok.loc();
  StringRef text = tok.text;
  if (text.getAsInteger(10, out.value))
    return error(
        llvm::formatv("{0} '{1}' does not fit in 64 bits", what, text));
  consume();
  if (out.value <= 0)
    return error(out.loc, llvm::formatv("{0} must be positive, got {1}", what,
                                        out.value));
  return true;
}

bool Parser::parseValue(Number &out, StringRef what) {
  if (tok.is(Tok::Number))
    return parseNumber(out, what);
  if (tok.is(Tok::Ident)) {
    auto it = constants.find(tok.text);
    if (it == constants.end())
      return error(llvm::formatv("unknown constant '{0}' (declare it with "
                                 "'Constant {0} <value>;')",
                                 tok.text));
    out = Number{it->second, tok.loc()};
    consume();
    return true;
  }
  return error(llvm::formatv("expected {0} (a number or a constant), found {1}",
                             what, describe(tok)));
}

bool Parser::parseSize(Size &out, StringRef what) {
  out.loc = tok.loc();
  if (tok.isKeyword("Sz")) {
    consume();
    std::string dim;
    if (!expect(Tok::LParen, "(", "after 'Sz'") ||
        !parseIdent(dim, "a dimension inside Sz(...)") ||
        !expect(Tok::RParen, ")", "to close 'Sz('"))
      return false;
    out.sizeOf = dim;
    return true;
  }
  Number value;
  if (!parseValue(value, what))
    return false;
  out.value = value.value;
  return true;
}

bool Parser::parseConstant() {
  consume(); // Constant
  std::string name;
  Number value;
  SMLoc nameLoc = tok.loc();
  if (!parseIdent(name, "a constant name") || !parseNumber(value, "constant"))
    return false;
  if (constants.count(name))
    return error(nameLoc, llvm::formatv("constant '{0}' declared twice", name));
  constants[name] = value.value;
  consumeIf(Tok::Semicolon);
  return true;
}

bool Parser::parseEntries(StringRef keyword,
                          llvm::SmallVectorImpl<DimEntry> &entries) {
  SMLoc openLoc;
  if (!openBlock(keyword, openLoc))
    return false;
  while (!atBlockEnd(keyword, openLoc)) {
    if (unterminated)
      return false;
    DimEntry entry;
    entry.loc = tok.loc();
    if (!parseIdent(entry.name,
                    llvm::formatv("a dimension name in {0}", keyword).str()))
      return false;
    consumeIf(Tok::Colon);
    if (!parseValue(entry.size, llvm::formatv("size of {0}", entry.name).str()))
      return false;
    consumeIf(Tok::Comma);
    auto previous = llvm::find_if(
        entries, [&](const DimEntry &e) { return e.name == entry.name; });
    if (previous != entries.end()) {
      if (previous->size.value != entry.size.value)
        return error(entry.loc,
                     llvm::formatv("dimension {0} given twice in {1}, as {2} "
                                   "and as {3}",
                                   entry.name, keyword, previous->size.value,
                                   entry.size.value));
      diag(entry.loc,
           llvm::formatv("dimension {0} given twice in {1} (same size {2})",
                         entry.name, keyword, entry.size.value),
           /*isError=*/false);
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return true;
}

bool Parser::parseDirective(Layer &layer) {
  DirectiveStmt directive;
  directive.loc = tok.loc();
  if (tok.isKeyword("SpatialMap") || tok.isKeyword("TemporalMap")) {
    directive.kind = tok.text == "SpatialMap" ? DirectiveKind::SpatialMap
                                              : DirectiveKind::TemporalMap;
    consume();
    if (!expect(Tok::LParen, "(", "after the map keyword") ||
        !parseSize(directive.size, "map size") ||
        !expect(Tok::Comma, ",", "between map size and offset") ||
        !parseSize(directive.offset, "map offset") ||
        !expect(Tok::RParen, ")", "after the map offset"))
      return false;
    directive.dimLoc = tok.loc();
    if (!parseIdent(directive.dim, "the mapped dimension"))
      return false;
  } else if (tok.isKeyword("Cluster")) {
    directive.kind = DirectiveKind::Cluster;
    consume();
    if (!expect(Tok::LParen, "(", "after 'Cluster'") ||
        !parseSize(directive.size, "cluster size"))
      return false;
    if (consumeIf(Tok::Comma)) {
      if (tok.isKeyword("P")) {
        directive.clusterKind = ClusterKind::Physical;
      } else if (tok.isKeyword("L")) {
        directive.clusterKind = ClusterKind::Logical;
      } else {
        return error(llvm::formatv("expected cluster type P or L, found {0}",
                                   describe(tok)));
      }
      consume();
    }
    if (!expect(Tok::RParen, ")", "after the cluster size"))
      return false;
  } else {
    return error(llvm::formatv("unknown directive {0}; expected SpatialMap, "
                               "TemporalMap or Cluster",
                               describe(tok)));
  }
  if (!expect(Tok::Semicolon, ";", "after the directive"))
    return false;
  layer.dataflow->push_back(std::move(directive));
  return true;
}

bool Parser::parseDataflow(Layer &layer) {
  if (layer.dataflow)
    return error(
        llvm::formatv("layer {0} has a second Dataflow block", layer.name));
  layer.dataflowLoc = tok.loc();
  consume(); // Dataflow
  layer.dataflow.emplace();
  SMLoc openLoc;
  if (!openBlock("Dataflow", openLoc))
    return false;
  while (!atBlockEnd("Dataflow", openLoc)) {
    if (unterminated || !parseDirective(layer))
      return false;
  }
  return true;
}

bool Parser::parseLayer(Network &network) {
  Layer layer;
  layer.loc = tok.loc();
  consume(); // Layer
  if (!parseIdent(layer.name, "a layer name"))
    return false;
  SMLoc openLoc;
  if (!openBlock("Layer", openLoc))
    return false;
  bool seenDims = false;
  while (!atBlockEnd("Layer", openLoc)) {
    if (unterminated)
      return false;
    if (tok.isKeyword("Type")) {
      if (!layer.type.empty())
        return error(llvm::formatv("layer {0} has a second Type", layer.name));
      consume();
      consumeIf(Tok::Colon);
      layer.typeLoc = tok.loc();
      if (!parseIdent(layer.type, "a layer type"))
        return false;
    } else if (tok.isKeyword("Stride")) {
      if (!layer.stride.empty())
        return error(
            llvm::formatv("layer {0} has a second Stride block", layer.name));
      consume();
      if (!parseEntries("Stride", layer.stride))
        return false;
    } else if (tok.isKeyword("Dimensions")) {
      if (seenDims)
        return error(llvm::formatv("layer {0} has a second Dimensions block",
                                   layer.name));
      seenDims = true;
      consume();
      if (!parseEntries("Dimensions", layer.dims))
        return false;
    } else if (tok.isKeyword("Dataflow")) {
      if (!parseDataflow(layer))
        return false;
    } else {
      return error(llvm::formatv("unknown keyword {0} in layer {1}; expected "
                                 "Type, Stride, Dimensions or Dataflow",
                                 describe(tok), layer.name));
    }
  }
  if (layer.type.empty())
    return error(layer.loc, llvm::formatv("layer {0} has no Type", layer.name));
  if (!seenDims)
    return error(layer.loc,
                 llvm::formatv("layer {0} has no Dimensions", layer.name));
  network.layers.push_back(std::move(layer));
  return true;
}

bool Parser::parseNetwork(File &file) {
  Network network;
  network.loc = tok.loc();
  consume(); // Network
  if (!parseIdent(network.name, "a network name"))
    return false;
  SMLoc openLoc;
  if (!openBlock("Network", openLoc))
    return false;
  while (!atBlockEnd("Network", openLoc)) {
    if (unterminated)
      return false;
    if (!tok.isKeyword("Layer"))
      return error(llvm::formatv("expected 'Layer' or '}' in network {0}, "
                                 "found {1}",
                                 network.name, describe(tok)));
    if (!parseLayer(network))
      return false;
  }
  if (network.layers.empty())
    return error(network.loc,
                 llvm::formatv("network {0} has no layers", network.name));
  file.networks.push_back(std::move(network));
  return true;
}

std::optional<File> Parser::parseNetworkFile() {
  File file;
  if (tok.is(Tok::Eof)) {
    error("the file is empty: expected a 'Network' block");
    return std::nullopt;
  }
  while (!tok.is(Tok::Eof)) {
    bool ok;
    if (tok.isKeyword("Constant"))
      ok = parseConstant();
    else if (tok.isKeyword("Network"))
      ok = parseNetwork(file);
    else
      ok = error(llvm::formatv("expected 'Network' or 'Constant', found {0}",
                               describe(tok)));
    if (!ok)
      return std::nullopt;
  }
  if (file.networks.empty()) {
    error("the file has no 'Network' block");
    return std::nullopt;
  }
  return file;
}

std::optional<HardwareFile> Parser::parseHardwareFile() {
  HardwareFile file;
  if (tok.is(Tok::Eof)) {
    error("the hardware file is empty: expected 'num_pes: <count>' and other "
          "'key: value' lines");
    return std::nullopt;
  }
  while (!tok.is(Tok::Eof)) {
    HardwareEntry entry;
    SMLoc keyLoc = tok.loc();
    if (!parseIdent(entry.key, "a hardware parameter name") ||
        !expect(Tok::Colon, ":", "after the parameter name") ||
        !parseNumber(entry.value, entry.key))
      return std::nullopt;
    consumeIf(Tok::Semicolon);
    for (const HardwareEntry &previous : file.entries)
      if (previous.key == entry.key) {
        error(keyLoc, llvm::formatv("'{0}' given twice", entry.key));
        return std::nullopt;
      }
    file.entries.push_back(std::move(entry));
  }
  return file;
}

} // namespace

std::optional<File>
mlir::accel::maestro::parseNetworkFile(llvm::SourceMgr &sourceMgr,
                                       unsigned bufferId, DiagnosticFn diag) {
  return Parser(sourceMgr.getMemoryBuffer(bufferId)->getBuffer(), diag)
      .parseNetworkFile();
}

std::optional<HardwareFile>
mlir::accel::maestro::parseHardwareFile(llvm::SourceMgr &sourceMgr,
                                        unsigned bufferId, DiagnosticFn diag) {
  return Parser(sourceMgr.getMemoryBuffer(bufferId)->getBuffer(), diag)
      .parseHardwareFile();
}

import CLibXML2

/// The libxml2 version this build uses, e.g. "2.9.14".
public let libxml2Version: String = String(cString: mb_libxml_version())

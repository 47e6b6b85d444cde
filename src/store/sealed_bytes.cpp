#include "store/sealed_bytes.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "core/error.hpp"

namespace cc::store {

std::string sealed_bytes(const ::coldcheck::report::Report& sealed) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    sealed.SerializeToCodedStream(&coded);
  }
  return out;
}

::coldcheck::report::Report sealed_from_bytes(std::string_view bytes) {
  ::coldcheck::report::Report report;
  if (!report.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    throw Error(ErrorCode::kMalformed, "stored report bytes do not parse");
  }
  return report;
}

}  // namespace cc::store

#include "render/pb.hpp"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include "core/error.hpp"

namespace cc::render {

std::string render_pb(const ::coldcheck::report::Report& report) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    if (!report.SerializeToCodedStream(&coded)) throw Error(ErrorCode::kInternal, "cannot serialize the report");
  }
  return out;
}

}  // namespace cc::render

using RunRestore.Assessment;
using RunRestore.Assessment.Grpc;
using RunRestore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AssessmentModule.ServiceName);
builder.AddAssessment();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRunRestoreGrpcService<AssessmentGrpcService>();
app.Run();

using RunRestore.Programming;
using RunRestore.Programming.Grpc;
using RunRestore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ProgrammingModule.ServiceName);
builder.AddProgramming();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRunRestoreGrpcService<ProgrammingGrpcService>();
app.Run();

using RunRestore.Intake;
using RunRestore.Intake.Grpc;
using RunRestore.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(IntakeModule.ServiceName);
builder.AddIntake();

var app = builder.Build();
app.MapServiceDefaults();
app.MapRunRestoreGrpcService<IntakeGrpcService>();
app.Run();

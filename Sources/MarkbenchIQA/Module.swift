/// Records and sampling live here.
enum IQAModule {}
